//! Calendar dates as invoice lists and statements write them: `YYYY-MM-DD`, `YYYY/MM/DD`,
//! `DD/MM/YYYY` or `DD-MM-YYYY` (day and month may have one digit). Held as the number
//! `YYYYMMDD`, which orders like the dates.

/// A date held as `YYYYMMDD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(u32);

impl Date {
    /// Parses a date that is the whole of `s` (surrounding spaces allowed).
    pub fn parse(s: &str) -> Option<Date> {
        let (d, rest) = Self::parse_prefix(s.trim())?;
        rest.is_empty().then_some(d)
    }

    /// Parses a date at the start of `s` followed by the end, a space or `T` and anything
    /// (a time: `2023-03-25 14:02:37`, `2023-03-25T14:02:37+07:00`).
    pub fn parse_lenient(s: &str) -> Option<Date> {
        // A date as banks write it starts with a digit and is followed by nothing, a space
        // or `T`: the whole text is trimmed only when it is not so (`str::trim` was a
        // noticeable part of reconciling a line).
        let s = if s.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            s
        } else {
            s.trim_start()
        };
        let (d, rest) = Self::parse_prefix(s)?;
        (rest.is_empty() || rest.starts_with([' ', 'T']) || rest.trim_end().is_empty()).then_some(d)
    }

    fn parse_prefix(s: &str) -> Option<(Date, &str)> {
        let b = s.as_bytes();
        // The number of `min..=max` digits at `from`, and where it ends.
        let num = |from: usize, min: usize, max: usize| -> Option<(u32, usize)> {
            let (mut v, mut n) = (0u32, 0usize);
            while n < max {
                match b.get(from + n) {
                    Some(c) if c.is_ascii_digit() => v = v * 10 + u32::from(c - b'0'),
                    _ => break,
                }
                n += 1;
            }
            (n >= min).then_some((v, from + n))
        };
        let (first, at) = num(0, 1, 4)?;
        let sep = *b.get(at)?;
        if !matches!(sep, b'-' | b'/' | b'.') {
            return None;
        }
        let (y, m, d, end) = if at == 4 {
            let (m, at2) = num(at + 1, 1, 2)?;
            (b.get(at2) == Some(&sep)).then_some(())?;
            let (d, end) = num(at2 + 1, 1, 2)?;
            (first, m, d, end)
        } else if at <= 2 {
            let (m, at2) = num(at + 1, 1, 2)?;
            (b.get(at2) == Some(&sep)).then_some(())?;
            let (y, end) = num(at2 + 1, 4, 4)?;
            (y, m, first, end)
        } else {
            return None;
        };
        let date = Date::from_ymd(y, m, d)?;
        Some((date, s.get(end..)?))
    }

    /// A date from its parts, when they name a day that exists (years 1900–2999).
    pub fn from_ymd(y: u32, m: u32, d: u32) -> Option<Date> {
        if !(1900..=2999).contains(&y) || !(1..=12).contains(&m) || d == 0 {
            return None;
        }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        let days = match m {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        (d <= days).then_some(Date(y * 10_000 + m * 100 + d))
    }

    /// `2024-09-15` (also what `{}` writes and what JSON holds).
    pub fn iso(self) -> String {
        self.to_string()
    }

    /// `15/09/2024` (Vietnamese writing).
    pub fn vi(self) -> String {
        let mut s = String::with_capacity(10);
        // Writing to a String does not fail.
        let _ = self.write_vi(&mut s);
        s
    }

    /// Writes the date as ten bytes: `2024-09-15` (ISO) or `15/09/2024` (Vietnamese). A
    /// date holds a year of 1900–2999 (see [`Date::from_ymd`]), so four digits suffice.
    pub(crate) fn write(self, w: &mut impl std::fmt::Write, vi: bool) -> std::fmt::Result {
        let digit = |v: u32| b'0' + (v % 10) as u8;
        let (y, m, d) = (self.0 / 10_000, self.0 / 100 % 100, self.0 % 100);
        let year = [digit(y / 1000), digit(y / 100), digit(y / 10), digit(y)];
        let (month, day) = ([digit(m / 10), digit(m)], [digit(d / 10), digit(d)]);
        let b: [u8; 10] = if vi {
            let [d1, d2] = day;
            let [m1, m2] = month;
            let [y1, y2, y3, y4] = year;
            [d1, d2, b'/', m1, m2, b'/', y1, y2, y3, y4]
        } else {
            let [y1, y2, y3, y4] = year;
            let [m1, m2] = month;
            let [d1, d2] = day;
            [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2]
        };
        w.write_str(std::str::from_utf8(&b).unwrap_or(""))
    }

    /// Writes `15/09/2024`.
    pub(crate) fn write_vi(self, w: &mut impl std::fmt::Write) -> std::fmt::Result {
        self.write(w, true)
    }

    /// The `YYYYMMDD` number.
    pub fn number(self) -> u32 {
        self.0
    }
}

impl std::fmt::Display for Date {
    /// `2024-09-15`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.write(f, false)
    }
}

impl serde::Serialize for Date {
    /// As `2024-09-15`.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_as_format_writes_them() {
        for y in [1900, 1999, 2000, 2024, 2999] {
            for m in 1..=12 {
                for d in 1..=31 {
                    let Some(date) = Date::from_ymd(y, m, d) else {
                        continue;
                    };
                    assert_eq!(date.iso(), format!("{y:04}-{m:02}-{d:02}"));
                    assert_eq!(
                        serde_json::to_string(&date).ok(),
                        Some(format!("\"{y:04}-{m:02}-{d:02}\""))
                    );
                    assert_eq!(date.vi(), format!("{d:02}/{m:02}/{y:04}"));
                }
            }
        }
    }

    #[test]
    fn forms() {
        let d = Date::from_ymd(2024, 9, 15);
        for s in [
            "2024-09-15",
            "2024/9/15",
            "15/09/2024",
            "15-9-2024",
            " 15.09.2024 ",
        ] {
            assert_eq!(Date::parse(s), d, "{s}");
        }
        assert_eq!(Date::parse_lenient("2024-09-15 14:02:37"), d);
        assert_eq!(Date::parse_lenient("2024-09-15T14:02:37+07:00"), d);
        assert_eq!(Date::parse("2024-09-15 14:02"), None);
        for bad in [
            "2024-02-30",
            "2023-02-29",
            "31/04/2024",
            "2024-13-01",
            "24-09-15",
            "",
            "abc",
            "2024-09",
            "1/2/24",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert_eq!(
            Date::parse("29/02/2024").map(Date::iso).as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(d.map(Date::vi).as_deref(), Some("15/09/2024"));
    }

    proptest::proptest! {
        /// Reading a date without trimming a text that starts with a digit gives what
        /// trimming it first gives (Unicode spaces at either end included).
        #[test]
        fn lenient_reading_is_reading_the_trimmed_text(
            lead in proptest::sample::select(vec!["", " ", "\u{a0}", "\t ", "x"]),
            body in "[0-9]{1,4}[-/.T ]?[0-9]{0,2}[-/.]?[0-9]{0,4}",
            tail in proptest::sample::select(vec!["", " ", "\u{a0}", "\u{3000}", " 08:00:00", "T08:00", "x", " \u{a0}"]),
        ) {
            let s = format!("{lead}{body}{tail}");
            let t = s.trim();
            let want = Date::parse_prefix(t)
                .and_then(|(d, rest)| (rest.is_empty() || rest.starts_with([' ', 'T'])).then_some(d));
            proptest::prop_assert_eq!(Date::parse_lenient(&s), want, "{:?}", s);
        }
    }
}
