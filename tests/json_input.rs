//! JSON input: a repeated key is refused, with the key named, wherever JSON comes in
//! (messages, VietQR JSON, statements as JSON lines and as a JSON array).

use vietref::reconcile::{StatementFormat, StatementReader, StatementRecord};
use vietref::{MessageDraft, PaymentMessage};

const MESSAGE: &str = r#"{"sector":"education","payerName":"Nguyễn Văn An","payerName":"Evil","beneficiaryName":"Nguyễn Thị Bình","reason":"Học phí","invoice":"HP24010172"}"#;

#[test]
fn a_message_with_a_repeated_key_is_refused() {
    // Before: valid, with payerName "Evil".
    let e = PaymentMessage::validate_json(MESSAGE).unwrap_err();
    assert!(
        e.to_string().starts_with("duplicate key \"payerName\""),
        "{e}"
    );
    // An unknown key repeated is refused too; one key once is fine.
    let twice_unknown = MESSAGE.replace(r#""payerName":"Evil","#, r#""note":1,"note":2,"#);
    assert!(vietref::json::from_str::<MessageDraft>(&twice_unknown)
        .unwrap_err()
        .to_string()
        .contains("\"note\""));
    let once = MESSAGE.replace(r#""payerName":"Evil","#, "");
    assert!(PaymentMessage::validate_json(&once)
        .unwrap()
        .cleaned
        .is_some());
}

#[test]
fn vietqr_json_with_a_repeated_key_is_refused() {
    let e = vietref::vietqr::from_json(
        r#"{"bank":"ACB","accountNumber":"224528479","accountNumber":"999999999","amount":10000}"#,
    )
    .unwrap_err();
    assert!(e.starts_with("duplicate key \"accountNumber\""), "{e}");
    assert!(vietref::vietqr::from_json(
        r#"{"bank":"ACB","accountNumber":"224528479","amount":10000}"#
    )
    .is_ok());
}

#[test]
fn statements_with_a_repeated_key_are_refused_record_by_record() {
    let jsonl = concat!(
        r#"{"transferAmount":1250000,"content":"HP24010172","content":"HP24010269"}"#,
        "\n",
        r#"{"transferAmount":1250000,"content":"HP24010172","accumulated":1,"accumulated":2}"#,
        "\n",
        r#"{"transferAmount":1250000,"content":"HP24010172"}"#,
        "\n",
    );
    let got: Vec<_> = StatementReader::json_lines(jsonl.as_bytes()).collect();
    for (i, key) in [(0, "content"), (1, "accumulated")] {
        let e = got[i].as_ref().unwrap_err();
        assert_eq!(e.findings[0].code.key(), "reconcile.json_invalid");
        assert!(
            e.findings[0]
                .message_en()
                .contains(&format!("duplicate key \"{key}\"")),
            "{:?}",
            e.findings[0].message_en()
        );
        assert!(e.findings[0].message_vi().contains(key));
    }
    assert!(matches!(got[2], Ok(StatementRecord::Line(_))));
    // A JSON array is read whole: a repeated key anywhere refuses it, naming the key
    // (before: the last value won silently).
    let array = r#"{"data":[{"transferAmount":1250000,"content":"HP24010172"},{"transferAmount":1,"transferAmount":1250000,"content":"x"}]}"#;
    let e = StatementReader::new(StatementFormat::Json, array.as_bytes(), &Default::default())
        .err()
        .unwrap();
    assert!(
        e.findings[0]
            .message_en()
            .contains("duplicate key \"transferAmount\""),
        "{}",
        e.findings[0].message_en()
    );
}

/// The counter-party account of a JSON statement record (`counterAccount`,
/// `counterAccountNumber`, `counter_account_number`) is kept on the line.
#[test]
fn the_counter_account_of_a_json_record_is_read() {
    let jsonl = concat!(
        r#"{"transferAmount":1,"content":"a","counterAccount":"0071000123456"}"#,
        "\n",
        r#"{"transferAmount":1,"content":"b","counterAccountNumber":" 0071000999 "}"#,
        "\n",
        r#"{"transferAmount":1,"content":"c","counter_account_number":1234567}"#,
        "\n",
        r#"{"transferAmount":1,"content":"d"}"#,
        "\n",
    );
    let got: Vec<Option<String>> = StatementReader::json_lines(jsonl.as_bytes())
        .map(|r| match r {
            Ok(StatementRecord::Line(l)) => l.counter_account,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        got,
        vec![
            Some("0071000123456".to_string()),
            Some("0071000999".to_string()),
            Some("1234567".to_string()),
            None
        ]
    );
}
