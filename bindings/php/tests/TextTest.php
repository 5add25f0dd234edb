<?php

declare(strict_types=1);

namespace Vietref\Tests;

use PHPUnit\Framework\TestCase;
use Vietref\NameComparison;
use Vietref\Severity;
use Vietref\Status;
use Vietref\Text;
use Vietref\ToneStyle;
use Vietref\VietrefException;
use Vietref\Vietref;

/** tests/data/text.json through the binding, and the text functions' documented examples. */
final class TextTest extends TestCase
{
    public function testNamesDisplayAndFold(): void
    {
        $cases = TestData::vectors('text.json')['names'];
        $this->assertGreaterThanOrEqual(20, count($cases));
        foreach ($cases as $c) {
            $this->assertSame($c['name'], Text::name($c['input']), $c['input']);
            $this->assertSame($c['fold'], Text::fold($c['input']), $c['input']);
            $r = Text::check($c['input'], 'payerName');
            $this->assertTrue($r->isValid(), $c['input']);
            $this->assertSame($c['name'], $r->cleaned());
            $this->assertSame($c['name'], $r->cleanedText());
            if ($c['name'] !== $c['input']) {
                $this->assertNotEmpty($r->warnings(), 'change reported: ' . $c['input']);
            }
            $this->assertSame([], $r->errors());
            foreach ($r as $f) {
                $this->assertSame('payerName', $f->field);
            }
        }
    }

    public function testBadNamesAreRejected(): void
    {
        foreach (TestData::vectors('text.json')['bad_names'] as $bad) {
            $r = Text::check($bad, 'payerName');
            $this->assertFalse($r->isValid(), $bad);
            $this->assertNotEmpty($r->errors(), $bad);
            $this->assertNull($r->cleanedJson());
            try {
                Text::name($bad);
                $this->fail("accepted: $bad");
            } catch (VietrefException $e) {
                $this->assertSame(Status::TextNameInvalid, $e->status());
                $this->assertSame(100, $e->getCode());
                $this->assertSame('VIETREF_TEXT_NAME_INVALID', $e->statusName);
            }
        }
    }

    public function testToneStyles(): void
    {
        foreach (TestData::vectors('text.json')['tone'] as $c) {
            $this->assertSame($c['traditional'], Text::retone($c['input'], ToneStyle::Traditional), $c['input']);
            $this->assertSame($c['main_vowel'], Text::retone($c['input'], ToneStyle::MainVowel), $c['input']);
        }
    }

    public function testSecurityFlags(): void
    {
        foreach (TestData::vectors('text.json')['security'] as $c) {
            $this->assertSame($c['flagged'], !Text::check($c['input'])->isValid(), $c['input']);
        }
    }

    public function testKeysLookalikesPayeeNames(): void
    {
        $this->assertSame(Text::key('Thủy'), Text::key('THUỶ'));
        $this->assertSame(Text::key('Thủy'), Text::key("Thu\u{0309}y"));
        $this->assertNotSame(Text::key('Thủy'), Text::key('Thúy'));
        $this->assertTrue(Text::looksLike('HOA', "\u{041D}\u{041E}\u{0410}"));
        $this->assertFalse(Text::looksLike('HOA', 'HOB'));
        $this->assertSame(NameComparison::Same, Text::comparePayeeName('TRƯỜNG THPT A', 'Trường THPT A'));
        $this->assertSame(NameComparison::Lookalike, Text::comparePayeeName("\u{0422}rường THPT A", 'Trường THPT A'));
        $this->assertSame(NameComparison::Different, Text::comparePayeeName('Bệnh viện B', 'Trường THPT A'));
    }

    public function testFindingDetails(): void
    {
        $errors = Text::check('Lê @Anh', 'payerName')->errors();
        $this->assertCount(1, $errors);
        $f = $errors[0];
        $this->assertSame(Severity::Error, $f->severity);
        $this->assertSame('payerName', $f->field);
        $this->assertSame(4, $f->position);
        $this->assertSame('@', $f->character());
        $this->assertStringContainsString('@', $f->message);
        $this->assertStringContainsString('@', $f->messageVi);
        $this->assertNotSame($f->message, $f->messageVi);
    }

    public function testCheckTextAllowsWhatNamesRefuse(): void
    {
        // A payment reason: digits and punctuation are fine here, unlike in a name.
        $reason = 'Học phí kỳ 1, lớp 6A';
        $r = Text::checkText($reason, 'reason');
        $this->assertTrue($r->isValid());
        $this->assertSame([], $r->findings());
        $this->assertSame($reason, $r->cleanedText());
        $this->assertFalse(Text::check($reason)->isValid());
        $r = Text::checkText('  Học   phí  ', 'reason');
        $this->assertTrue($r->isValid());
        $this->assertSame(['text.whitespace'], array_map(fn ($f) => $f->key, $r->findings()));
        $this->assertSame('reason', $r->findings()[0]->field);
        $this->assertSame('Học phí', $r->cleanedText());
        $r = Text::checkText("Ho\u{0323}c phi\u{0301}");
        $this->assertSame(['text.composed'], array_map(fn ($f) => $f->key, $r->findings()));
        $this->assertSame('Học phí', $r->cleanedText());
    }

    public function testCheckTextRefusals(): void
    {
        $r = Text::checkText("Học phí\0", 'reason');
        $this->assertFalse($r->isValid());
        $errors = $r->errors();
        $this->assertCount(1, $errors);
        $this->assertSame('text.control_char', $errors[0]->key);
        $this->assertSame(104, $errors[0]->code);
        $this->assertSame('reason', $errors[0]->field);
        $this->assertSame(8, $errors[0]->position);
        $this->assertSame(0, $errors[0]->codePoint);
        $this->assertNull($r->cleanedText());
        $this->assertSame(['text.bidi_control'], array_map(fn ($f) => $f->key, Text::checkText("Học phí\u{202E}")->errors()));
        $this->assertSame(['text.invisible'], array_map(fn ($f) => $f->key, Text::checkText("Học\u{200B}phí")->errors()));
        $r = Text::checkText("Học phí \u{041D}OA");
        $this->assertTrue($r->isValid());
        $this->assertSame(['text.mixed_script'], array_map(fn ($f) => $f->key, $r->findings()));
        $this->assertSame(Severity::Warning, $r->findings()[0]->severity);
    }

    public function testSkeletons(): void
    {
        $this->assertSame(Text::skeleton('HOA'), Text::skeleton("\u{041D}\u{041E}\u{0410}"));
        $this->assertNotSame(Text::skeleton('HOA'), Text::skeleton('HOB'));
        $this->assertSame(Text::skeleton('rn'), Text::skeleton('m'));
        $this->assertSame('', Text::skeleton(''));
        foreach ([['HOA', "\u{041D}\u{041E}\u{0410}"], ['HOA', 'HOB'], ['Trường THPT A', "\u{0422}rường THPT A"]] as [$a, $b]) {
            $this->assertSame(Text::looksLike($a, $b), Text::skeleton($a) === Text::skeleton($b), $b);
        }
    }

    public function testVersion(): void
    {
        $this->assertStringStartsWith('0.1.', Vietref::version());
    }
}
