//! Exact decimal numbers: "40,5 млрд" and "$40.5 billion" must compare equal, which floating
//! point does not promise after scaling.

use std::fmt;

/// `mantissa × 10^-scale`, kept normalized (no trailing zeros in the fraction), so equal
/// values have equal representations and `==` is value equality.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Decimal {
    mantissa: i128,
    scale: u32,
}

/// More digits than this are not a quantity anyone states; such runs are not numbers.
const MAX_DIGITS: usize = 30;

impl Decimal {
    pub fn from_int(value: i128) -> Decimal {
        Decimal {
            mantissa: value,
            scale: 0,
        }
    }

    /// Builds a value from its integer and fraction digits ("13", "5" for 13.5). Returns
    /// `None` when either part is not all ASCII digits or the value has too many digits.
    pub fn from_parts(integer: &str, fraction: &str) -> Option<Decimal> {
        if integer.len() + fraction.len() > MAX_DIGITS || integer.is_empty() && fraction.is_empty()
        {
            return None;
        }
        // At most MAX_DIGITS digits: the mantissa cannot overflow an i128 (38 digits).
        let mut mantissa: i128 = 0;
        for byte in integer.bytes().chain(fraction.bytes()) {
            if !byte.is_ascii_digit() {
                return None;
            }
            mantissa = mantissa * 10 + i128::from(byte - b'0');
        }
        Some(
            Decimal {
                mantissa,
                scale: fraction.len() as u32,
            }
            .normalized(),
        )
    }

    /// The value times `factor` (a scale word: 1000, 1e6, ...); `None` on overflow.
    pub fn times(self, factor: Decimal) -> Option<Decimal> {
        Some(
            Decimal {
                mantissa: self.mantissa.checked_mul(factor.mantissa)?,
                scale: self.scale + factor.scale,
            }
            .normalized(),
        )
    }

    /// The value plus `other`; `None` on overflow.
    pub fn plus(self, other: Decimal) -> Option<Decimal> {
        let scale = self.scale.max(other.scale);
        let a = self
            .mantissa
            .checked_mul(10i128.checked_pow(scale - self.scale)?)?;
        let b = other
            .mantissa
            .checked_mul(10i128.checked_pow(scale - other.scale)?)?;
        Some(
            Decimal {
                mantissa: a.checked_add(b)?,
                scale,
            }
            .normalized(),
        )
    }

    pub fn is_integer(self) -> bool {
        self.scale == 0
    }

    /// The integer value, when the value is an integer that fits.
    pub fn as_i64(self) -> Option<i64> {
        if self.scale == 0 {
            i64::try_from(self.mantissa).ok()
        } else {
            None
        }
    }

    pub fn to_f64(self) -> f64 {
        self.mantissa as f64 / 10f64.powi(self.scale as i32)
    }

    fn normalized(mut self) -> Decimal {
        while self.scale > 0 && self.mantissa % 10 == 0 {
            self.mantissa /= 10;
            self.scale -= 1;
        }
        if self.mantissa == 0 {
            self.scale = 0;
        }
        self
    }
}

impl fmt::Display for Decimal {
    /// Plain digits with `.` as decimal separator and no grouping: "40500000000", "13.5".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.mantissa < 0 { "-" } else { "" };
        let digits = self.mantissa.unsigned_abs().to_string();
        let scale = self.scale as usize;
        if scale == 0 {
            return write!(f, "{sign}{digits}");
        }
        let padded = format!("{digits:0>width$}", width = scale + 1);
        let (int, frac) = padded.split_at(padded.len() - scale);
        write!(f, "{sign}{int}.{frac}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scaled_values_compare_equal() {
        let billion = Decimal::from_int(1_000_000_000);
        let million = Decimal::from_int(1_000_000);
        let en = Decimal::from_parts("40", "5").and_then(|d| d.times(billion));
        let ru = Decimal::from_parts("40500", "").and_then(|d| d.times(million));
        assert_eq!(en, ru);
        assert_eq!(en.map(|d| d.to_string()).as_deref(), Some("40500000000"));
    }

    #[test]
    fn display_keeps_fraction_and_drops_trailing_zeros() {
        assert_eq!(
            Decimal::from_parts("13", "50")
                .map(|d| d.to_string())
                .as_deref(),
            Some("13.5")
        );
        assert_eq!(
            Decimal::from_parts("0", "05")
                .map(|d| d.to_string())
                .as_deref(),
            Some("0.05")
        );
        assert_eq!(
            Decimal::from_parts("38", "06")
                .map(|d| d.to_string())
                .as_deref(),
            Some("38.06")
        );
    }

    #[test]
    fn absurdly_long_digit_runs_are_not_numbers() {
        assert_eq!(Decimal::from_parts(&"9".repeat(100), ""), None);
    }

    #[test]
    fn sums_compose_number_words() {
        let sum = Decimal::from_int(20).plus(Decimal::from_int(1));
        assert_eq!(sum, Some(Decimal::from_int(21)));
    }

    /// `from_parts` as first written: the digits joined into a string and parsed.
    fn from_parts_by_parsing(integer: &str, fraction: &str) -> Option<Decimal> {
        if integer.len() + fraction.len() > MAX_DIGITS
            || integer.is_empty() && fraction.is_empty()
            || !integer
                .chars()
                .chain(fraction.chars())
                .all(|c| c.is_ascii_digit())
        {
            return None;
        }
        let mantissa: i128 = format!("{integer}{fraction}").parse().ok()?;
        Some(
            Decimal {
                mantissa,
                scale: fraction.len() as u32,
            }
            .normalized(),
        )
    }

    #[test]
    fn digits_are_read_as_parsing_them_would() {
        let longest = "9".repeat(MAX_DIGITS);
        let parts = [
            "",
            "0",
            "00",
            "05",
            "13",
            "50",
            "1500",
            "10000",
            "007",
            "٣",
            "1a",
            "-1",
            "+1",
            " 1",
            "１",
            "2024",
            "999999999999999",
            &longest,
        ];
        for integer in parts {
            for fraction in parts {
                assert_eq!(
                    Decimal::from_parts(integer, fraction),
                    from_parts_by_parsing(integer, fraction),
                    "{integer:?} {fraction:?}"
                );
            }
        }
        assert!(Decimal::from_parts(&longest, "").is_some());
        assert_eq!(Decimal::from_parts(&longest, "9"), None);
    }
}
