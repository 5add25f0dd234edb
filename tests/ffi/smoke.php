<?php
// PHP FFI loads include/vietref_flat.h as it is and calls the library (tests/capi_c.rs).
// Usage: php -d ffi.enable=1 smoke.php vietref_flat.h libvietref.so
$ffi = FFI::cdef(file_get_contents($argv[1]), $argv[2]);
$t = "Nguyễn Văn Đức";
$out = $ffi->new("vietref_string*");
$st = $ffi->vietref_text_fold($t, strlen($t), FFI::addr($out));
// PHP turns a `const char *` result into a string up to the NUL vietref puts after the text.
$folded = $ffi->vietref_string_ptr($out);
$ffi->vietref_string_free($out);
$len = $ffi->new("size_t");
$st2 = $ffi->vietref_text_fold_buf($t, strlen($t), null, 0, FFI::addr($len));
echo implode("|", [
    $ffi->vietref_version(),
    $ffi->VIETREF_VERSION_MINOR,
    $ffi->VIETREF_MESSAGE_JSON_INVALID,
    $st,
    $folded,
    $st2,
    $len->cdata,
    $ffi->vietref_status_message($ffi->VIETREF_INSUFFICIENT_SIZE, $ffi->VIETREF_LANG_VI),
]), "\n";
