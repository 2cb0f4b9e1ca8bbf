//! `readMessage`: a corpus of realistic collectors' messages, each with
//! hand-written expectations (tests/message_corpus/messages.json), the
//! errors, and properties over any text up to 5,000 UTF-16 units: no panic,
//! every span inside the text on character boundaries, nothing found in an
//! empty or blank text.

use proptest::prelude::*;
use repay::api::{self, MessageOut};
use repay::input::Value;
use repay::ErrorCode;
use serde_json::Value as Json;

fn input(text: &str, received: Option<&str>) -> Value {
    let mut pairs = vec![("text".to_owned(), Value::str(text))];
    if let Some(r) = received {
        pairs.push(("receivedAt".to_owned(), Value::str(r)));
    }
    Value::Object(pairs)
}

/// The text between two UTF-16 offsets, as JavaScript's `slice` gives it.
fn slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).expect("a span on character boundaries")
}

fn strs(v: &Json) -> Vec<Option<String>> {
    v.as_array()
        .expect("a list")
        .iter()
        .map(|x| x.as_str().map(str::to_owned))
        .collect()
}

fn codes<'a>(list: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut c: Vec<String> = list.map(str::to_owned).collect();
    c.sort();
    c.dedup();
    c
}

#[test]
fn the_corpus_reads_as_expected() {
    let corpus: Json = serde_json::from_str(include_str!("message_corpus/messages.json"))
        .expect("the corpus is JSON");
    let cases = corpus.as_array().expect("a list of messages");
    assert!(cases.len() >= 40, "{} messages", cases.len());
    let mut failures = Vec::new();
    for case in cases {
        let name = case["name"].as_str().expect("a name");
        let text = case["text"].as_str().expect("a text");
        let out = api::read_message(&input(text, case["receivedAt"].as_str()))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let got_amounts: Vec<Vec<Option<String>>> = out
            .amounts
            .iter()
            .map(|a| {
                vec![
                    Some(a.value.to_string()),
                    a.label.map(str::to_owned),
                    Some(slice(text, a.start, a.end)),
                ]
            })
            .collect();
        let want_amounts: Vec<Vec<Option<String>>> = case["amounts"]
            .as_array()
            .expect("amounts")
            .iter()
            .map(strs)
            .collect();
        let got_deadlines: Vec<Vec<Option<String>>> = out
            .deadlines
            .iter()
            .map(|d| {
                vec![
                    d.date.clone(),
                    d.time.clone(),
                    Some(slice(text, d.start, d.end)),
                ]
            })
            .collect();
        let want_deadlines: Vec<Vec<Option<String>>> = case["deadlines"]
            .as_array()
            .expect("deadlines")
            .iter()
            .map(strs)
            .collect();
        let got_phones: Vec<Vec<Option<String>>> = out
            .phones
            .iter()
            .map(|p| vec![Some(p.number.clone()), Some(slice(text, p.start, p.end))])
            .collect();
        let want_phones: Vec<Vec<Option<String>>> = case["phones"]
            .as_array()
            .expect("phones")
            .iter()
            .map(strs)
            .collect();
        // A link's url is the text it was read from.
        let got_links: Vec<Vec<Option<String>>> = out
            .links
            .iter()
            .map(|l| {
                assert_eq!(l.url, slice(text, l.start, l.end), "{name}");
                vec![Some(l.url.clone())]
            })
            .collect();
        let want_links: Vec<Vec<Option<String>>> = case["links"]
            .as_array()
            .expect("links")
            .iter()
            .map(strs)
            .collect();
        let want_days = case["daysOverdue"].as_u64().map(|d| d as u32);
        let want_conduct: Vec<String> = strs(&case["conduct"]).into_iter().flatten().collect();
        let want_warnings: Vec<String> = strs(&case["warnings"]).into_iter().flatten().collect();
        let checks = [
            (
                "amounts",
                format!("{got_amounts:?}"),
                format!("{want_amounts:?}"),
            ),
            (
                "daysOverdue",
                format!("{:?}", out.days_overdue),
                format!("{want_days:?}"),
            ),
            (
                "deadlines",
                format!("{got_deadlines:?}"),
                format!("{want_deadlines:?}"),
            ),
            (
                "phones",
                format!("{got_phones:?}"),
                format!("{want_phones:?}"),
            ),
            ("links", format!("{got_links:?}"), format!("{want_links:?}")),
            (
                "conduct",
                format!("{:?}", codes(out.conduct.iter().map(|c| c.code))),
                format!("{want_conduct:?}"),
            ),
            (
                "warnings",
                format!("{:?}", codes(out.warnings.iter().map(|c| c.code))),
                format!("{want_warnings:?}"),
            ),
        ];
        for (what, got, want) in checks {
            if got != want {
                failures.push(format!("{name}: {what}\n   got {got}\n  want {want}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_conduct_span_holds_a_phrase_of_its_code() {
    let out = api::read_message(&input(
        "再不还款就联系你的家人，本院已立案，你这个老赖。",
        None,
    ))
    .unwrap();
    let text = "再不还款就联系你的家人，本院已立案，你这个老赖。";
    let found: Vec<(String, &str)> = out
        .conduct
        .iter()
        .map(|c| (slice(text, c.start, c.end), c.code))
        .collect();
    assert_eq!(
        found,
        [
            ("家人".to_owned(), "threat"),
            ("本院".to_owned(), "impersonation"),
            ("已立案".to_owned(), "falseConsequence"),
            ("老赖".to_owned(), "insult"),
        ]
    );
}

#[test]
fn offsets_count_utf16_units_as_javascript_does() {
    // 😡 is two UTF-16 units, ⚠️ two (U+26A0 U+FE0F): "欠款" starts at 5.
    let text = "⚠️😡 欠款¥2,000";
    let out = api::read_message(&input(text, None)).unwrap();
    let a = &out.amounts[0];
    assert_eq!((a.start, a.end), (7, 13));
    assert_eq!(slice(text, a.start, a.end), "¥2,000");
}

#[test]
fn the_output_has_the_documented_shape() {
    let text = "请于今日18:00前还款";
    let json = api::call_json("readMessage", &input(text, Some("2026-12-07T09:00"))).unwrap();
    assert_eq!(
        json,
        r#"{"amounts":[],"daysOverdue":null,"deadlines":[{"date":"2026-12-07","time":"18:00","start":2,"end":10}],"phones":[],"links":[],"conduct":[],"warnings":[]}"#
    );
    let none = api::call_json("readMessage", &input("", None)).unwrap();
    assert_eq!(
        none,
        r#"{"amounts":[],"daysOverdue":null,"deadlines":[],"phones":[],"links":[],"conduct":[],"warnings":[]}"#
    );
}

#[test]
fn errors() {
    let code = |v: Value| api::read_message(&v).unwrap_err();
    let e = code(Value::obj([]));
    assert_eq!(
        (e.code, e.field.as_deref()),
        (ErrorCode::MissingField, Some("text"))
    );
    let e = code(Value::obj([("text", Value::Number(5.0))]));
    assert_eq!(
        (e.code, e.field.as_deref()),
        (ErrorCode::WrongType, Some("text"))
    );
    let e = code(Value::Number(1.0));
    assert_eq!(e.code, ErrorCode::WrongType);
    // 5,000 units are read; 5,001 are too many, counted as JS counts them.
    assert!(api::read_message(&input(&"a".repeat(5000), None)).is_ok());
    assert!(api::read_message(&input(&"欠".repeat(5000), None)).is_ok());
    let e = code(input(&"a".repeat(5001), None));
    assert_eq!(
        (e.code, e.field.as_deref()),
        (ErrorCode::TooLarge, Some("text"))
    );
    // 2,500 emoji are 5,000 units; one more is 5,002.
    assert!(api::read_message(&input(&"😡".repeat(2500), None)).is_ok());
    let e = code(input(&"😡".repeat(2501), None));
    assert_eq!(e.code, ErrorCode::TooLarge);
    for bad in [
        "2026-12-07",
        "2026-02-30T10:00",
        "2026-12-07T24:00",
        "2026-12-07 10:00",
        "",
    ] {
        let e = code(input("x", Some(bad)));
        assert_eq!(
            (e.code, e.field.as_deref()),
            (ErrorCode::InvalidDate, Some("receivedAt")),
            "{bad}"
        );
    }
    let e = code(Value::obj([
        ("text", Value::str("x")),
        ("receivedAt", Value::Number(1.0)),
    ]));
    assert_eq!(e.code, ErrorCode::WrongType);
    let e = code(Value::obj([
        ("text", Value::str("x")),
        ("sentAt", Value::str("x")),
    ]));
    assert_eq!(
        (e.code, e.field.as_deref()),
        (ErrorCode::UnknownField, Some("sentAt"))
    );
}

/// Every span of `out` lies in `text`, on character boundaries, non-empty.
fn spans_ok(text: &str, out: &MessageOut) -> Result<(), TestCaseError> {
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    spans.extend(out.amounts.iter().map(|x| (x.start, x.end)));
    spans.extend(out.deadlines.iter().map(|x| (x.start, x.end)));
    spans.extend(out.phones.iter().map(|x| (x.start, x.end)));
    spans.extend(out.links.iter().map(|x| (x.start, x.end)));
    spans.extend(out.conduct.iter().map(|x| (x.start, x.end)));
    spans.extend(out.warnings.iter().map(|x| (x.start, x.end)));
    let low = |u: u16| (0xDC00..0xE000).contains(&u);
    for (s, e) in spans {
        prop_assert!(
            s < e && e <= units.len(),
            "span {s}..{e} of {}",
            units.len()
        );
        prop_assert!(!low(units[s]), "span starts inside a surrogate pair");
        prop_assert!(
            e == units.len() || !low(units[e]),
            "span ends inside a surrogate pair"
        );
    }
    for a in &out.amounts {
        prop_assert!(a.value.len() >= 4 && a.value.as_bytes()[a.value.len() - 3] == b'.');
    }
    Ok(())
}

/// Text made of what collectors' messages are made of, and of anything.
fn message_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("欠款".to_owned()),
        Just("¥".to_owned()),
        Just("￥".to_owned()),
        Just("元".to_owned()),
        Just("万".to_owned()),
        Just("千".to_owned()),
        Just("逾期".to_owned()),
        Just("天内".to_owned()),
        Just("今日".to_owned()),
        Just("前".to_owned()),
        Just(":".to_owned()),
        Just("点".to_owned()),
        Just("+86 ".to_owned()),
        Just("http://".to_owned()),
        Just(".com/".to_owned()),
        Just("(".to_owned()),
        Just(")".to_owned()),
        Just(",".to_owned()),
        Just(".".to_owned()),
        Just(" ".to_owned()),
        Just("😡".to_owned()),
        Just("⚠️".to_owned()),
        Just("爆通讯录".to_owned()),
        Just("by tomorrow".to_owned()),
        Just("days overdue".to_owned()),
        "[0-9]{1,12}",
        "[０-９]{1,4}",
        "[一-龥]{1,6}",
        "[a-zA-Z]{1,6}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..200).prop_map(|v| {
        // Cut at 5,000 UTF-16 units, never inside a character.
        let mut s = String::new();
        let mut units = 0;
        for p in v {
            for ch in p.chars() {
                if units + ch.len_utf16() > 5000 {
                    return s;
                }
                units += ch.len_utf16();
                s.push(ch);
            }
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_text_reads_without_panic_and_spans_hold(text in message_text(), hour in 0u32..24) {
        let received = format!("2026-12-07T{hour:02}:30");
        let out = api::read_message(&input(&text, Some(&received))).unwrap();
        spans_ok(&text, &out)?;
        let out = api::read_message(&input(&text, None)).unwrap();
        spans_ok(&text, &out)?;
    }

    #[test]
    fn arbitrary_unicode_reads_without_panic(text in "\\PC{0,2000}") {
        let out = api::read_message(&input(&text, None)).unwrap();
        spans_ok(&text, &out)?;
    }

    #[test]
    fn blank_text_gives_nothing(text in "[ \\t\\n\\r\u{3000}\u{a0}]{0,300}") {
        let out = api::read_message(&input(&text, Some("2026-12-07T10:00"))).unwrap();
        prop_assert_eq!(
            api::call_json("readMessage", &input(&text, None)).unwrap(),
            r#"{"amounts":[],"daysOverdue":null,"deadlines":[],"phones":[],"links":[],"conduct":[],"warnings":[]}"#
        );
        prop_assert!(out.amounts.is_empty() && out.deadlines.is_empty());
    }
}

#[test]
fn a_long_dense_text_reads() {
    let unit =
        "😡欠款¥1,234.5元，逾期30天，请于今日18:00前还款，电话13812345678，t.cn/abc 爆通讯录。";
    let mut text = String::new();
    while repay::message::utf16_len(&text) + repay::message::utf16_len(unit) <= 5000 {
        text.push_str(unit);
    }
    let out = api::read_message(&input(&text, Some("2026-12-07T10:00"))).unwrap();
    let n = text.matches(unit).count();
    assert_eq!(out.amounts.len(), n);
    assert_eq!(out.phones.len(), n);
    assert_eq!(out.links.len(), n);
    assert_eq!(out.deadlines.len(), n);
    assert_eq!(out.days_overdue, Some(30));
}

#[test]
fn the_example_in_the_api_document() {
    let text =
        "⚠️您已逾期15天，应还金额¥3,200.00，请于今日18:00前还款，否则通知你的家人。客服95188";
    let json = api::call_json("readMessage", &input(text, Some("2026-12-07T10:00"))).unwrap();
    // Counted by hand: ⚠️ is two units; "¥3,200.00" is 14..23, "今日18:00前" 26..34, "家人"
    // 43..45, "95188" 48..53.
    assert_eq!(
        json,
        r#"{"amounts":[{"value":"3200.00","label":"owed","start":14,"end":23}],"daysOverdue":15,"deadlines":[{"date":"2026-12-07","time":"18:00","start":26,"end":34}],"phones":[{"number":"95188","start":48,"end":53}],"links":[],"conduct":[{"code":"threat","start":43,"end":45}],"warnings":[]}"#
    );
}
