<?php

declare(strict_types=1);

namespace Vietref;

use FFI;

/**
 * The report of Memo::render(): the message's findings, then every fold, cut and omission
 * (memo.* warnings) and any reason the code cannot travel (errors). When valid, text() is
 * the memo and the field lists say which fields it carries. Owns its handle like Report.
 */
final class MemoReport extends Report
{
    /** The memo text (cleanedText()); null when the report has an error. */
    public function text(): ?string
    {
        return $this->cleanedText();
    }

    /**
     * The field names of one list ("invoice", "reason", "beneficiaryName", "payerName": the
     * field paths of the findings); null when the report has an error.
     *
     * @return list<string>|null
     */
    public function fields(MemoList|int $list): ?array
    {
        $ffi = Native::ffi();
        $l = Native::value($list);
        $n = $ffi->new('size_t');
        if (!Native::checkOptional($ffi->vietref_memo_field_count($this->live(), $l, FFI::addr($n)), 'vietref_memo_field_count')) {
            return null;
        }
        $names = [];
        for ($i = 0, $count = $n->cdata; $i < $count; $i++) {
            $names[] = Native::string('vietref_memo_field_name', $this->live(), $l, $i);
        }
        return $names;
    }

    /** @return list<string>|null the fields in the text, whole or cut, in template order */
    public function included(): ?array
    {
        return $this->fields(MemoList::Included);
    }

    /** @return list<string>|null the fields of the message that are not in the text */
    public function omitted(): ?array
    {
        return $this->fields(MemoList::Omitted);
    }

    /** @return list<string>|null the fields in the text that were cut */
    public function clipped(): ?array
    {
        return $this->fields(MemoList::Clipped);
    }
}
