"""Python cffi (ABI mode) loads include/vietref_flat.h as it is and calls the library
(tests/capi_c.rs). Usage: python3 smoke.py vietref_flat.h libvietref.so"""
import sys

import cffi

ffi = cffi.FFI()
ffi.cdef(open(sys.argv[1]).read())
lib = ffi.dlopen(sys.argv[2])
text = "Nguyễn Văn Đức".encode()
out = ffi.new("vietref_string **")
st = lib.vietref_text_fold(text, len(text), out)
folded = ffi.unpack(lib.vietref_string_ptr(out[0]), lib.vietref_string_len(out[0])).decode()
lib.vietref_string_free(out[0])
need = ffi.new("size_t *")
st2 = lib.vietref_text_fold_buf(text, len(text), ffi.NULL, 0, need)
msg = ffi.string(lib.vietref_status_message(lib.VIETREF_INSUFFICIENT_SIZE, lib.VIETREF_LANG_VI)).decode()
print("|".join(map(str, [ffi.string(lib.vietref_version()).decode(), lib.VIETREF_VERSION_MINOR,
                         lib.VIETREF_MESSAGE_JSON_INVALID, st, folded, st2, need[0], msg])))
