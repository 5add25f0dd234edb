<?php

declare(strict_types=1);

namespace Vietref\Tests;

use PHPUnit\Framework\TestCase;
use Vietref\GatewayMerchant;
use Vietref\Message;
use Vietref\Reconciler;
use Vietref\VietrefException;

/** Payment gateways: signatures re-computed with hash_hmac, a paid callback settled, its replay a duplicate, forgeries refused. */
final class GatewayTest extends TestCase
{
    private const SECRET = 'SECRET-0123456789';
    private const OPTIONS = '{"createdAtMs":1725240000000,"attempt":1}';
    private const MESSAGE = '{"sector":"education","payerName":"Nguyễn Thị Thủy","beneficiaryName":"Trần Minh Khôi",'
        . '"reason":"Học phí học kỳ 1","invoice":"HD-2024/0917","amount":1806000}';
    private const VNPAY = '{"merchantCode":"DEMOV210","returnUrl":"https://truong.example.vn/kq"}';

    public function testSignaturesAreTheHmacOfTheSignedText(): void
    {
        $m = new GatewayMerchant('vnpay', self::VNPAY, self::SECRET);
        $req = $m->request(Message::fromJson(self::MESSAGE), self::OPTIONS)['request'];
        $this->assertSame(hash_hmac('sha512', $req['signedData'], self::SECRET), $req['signature']);
        // The signed text is the query VNPAY's own PHP sample would build: urlencode of each
        // sorted vnp_ parameter.
        parse_str(parse_url($req['url'], PHP_URL_QUERY), $q);
        unset($q['vnp_SecureHash']);
        ksort($q);
        $parts = [];
        foreach ($q as $k => $v) {
            $parts[] = urlencode($k) . '=' . urlencode($v);
        }
        $this->assertSame(implode('&', $parts), $req['signedData']);
        $this->assertStringNotContainsString(self::SECRET, (string) $m);
        $this->assertStringNotContainsString(self::SECRET, print_r($m, true));

        $momo = new GatewayMerchant('momo', '{"merchantCode":"MOMO","accessKey":"F8BBA842ECF85","returnUrl":"https://x.vn/r","notifyUrl":"https://x.vn/i"}', self::SECRET);
        $body = $momo->request(Message::fromJson(self::MESSAGE), self::OPTIONS)['request']['body'];
        $raw = 'accessKey=F8BBA842ECF85&amount=' . $body['amount'] . '&extraData=' . $body['extraData'] . '&ipnUrl=' . $body['ipnUrl']
            . '&orderId=' . $body['orderId'] . '&orderInfo=' . $body['orderInfo'] . '&partnerCode=' . $body['partnerCode']
            . '&redirectUrl=' . $body['redirectUrl'] . '&requestId=' . $body['requestId'] . '&requestType=' . $body['requestType'];
        $this->assertSame(hash_hmac('sha256', $raw, self::SECRET), $body['signature']);

        $zalo = new GatewayMerchant('zalopay', '{"merchantCode":"2553"}', self::SECRET, 'KEY2');
        $body = $zalo->request(Message::fromJson(self::MESSAGE), self::OPTIONS)['request']['body'];
        $data = implode('|', [$body['app_id'], $body['app_trans_id'], $body['app_user'], $body['amount'], $body['app_time'], $body['embed_data'], $body['item']]);
        $this->assertSame(hash_hmac('sha256', $data, self::SECRET), $body['mac']);
    }

    public function testPaidThenReplayedThenForged(): void
    {
        $m = new GatewayMerchant('vnpay', self::VNPAY, self::SECRET);
        $msg = Message::fromJson(self::MESSAGE);
        $r = new Reconciler();
        $this->assertTrue($r->addInvoice('HD-2024/0917', 1806000)->isValid());
        $cb = $m->simulateCallback($msg, self::OPTIONS, '00', 14831393, 1725240060000);
        $this->assertTrue($m->verify($cb)['verified']);
        $first = $m->settle($cb, $r, 1);
        $this->assertSame('paid', $first['result']['status']);
        $this->assertSame(['RspCode' => '00', 'Message' => 'Confirm Success'], json_decode($first['answer']['body'], true));
        $again = $m->settle($cb, $r, 2);
        $this->assertSame('duplicate', $again['result']['status']);
        $this->assertSame('02', json_decode($again['answer']['body'], true)['RspCode']);
        $forged = $m->settle(str_replace('vnp_Amount=180600000', 'vnp_Amount=180600100', $cb), $r, 3);
        $this->assertFalse($forged['applied']);
        $this->assertSame('gateway.signature_invalid', $forged['findings'][0]['code']);
        $this->assertFalse($m->verify('junk')['verified']);
        try {
            new GatewayMerchant('paypal', self::VNPAY, self::SECRET);
            $this->fail('unknown provider accepted');
        } catch (VietrefException $e) {
            $this->assertSame('VIETREF_INVALID_ARGUMENT', $e->statusName);
        }
    }
}
