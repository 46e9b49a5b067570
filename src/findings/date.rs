#![doc = include_str!("date.md")]

use super::compare::{self, GroupView, Slot, ValueRules};
use super::{Check, Finding};
use crate::article::CheckOptions;
use crate::facts::{DateValue, Fact, FactKind, FactValue};

pub const DOCUMENTATION: &str = include_str!("date.md");

pub fn check(group: &GroupView, options: &CheckOptions) -> Vec<Finding> {
    compare::compare(group, FactKind::Date, &DateRules, options)
}

struct DateRules;

fn date(fact: &Fact) -> Option<&DateValue> {
    match &fact.value {
        FactValue::Date(d) => Some(d),
        FactValue::Number(_) => None,
    }
}

impl ValueRules for DateRules {
    fn check(&self) -> Check {
        Check::Date
    }

    fn compatible(&self, a: &Fact, b: &Fact) -> bool {
        match (date(a), date(b)) {
            (Some(x), Some(y)) => x.compatible(y),
            _ => false,
        }
    }

    /// Dates with the same parts present are alike (a replaced month); dates of different
    /// shapes (a weekday and a year) are far apart.
    fn distance(&self, a: &Fact, b: &Fact) -> f64 {
        let (Some(x), Some(y)) = (date(a), date(b)) else {
            return f64::INFINITY;
        };
        let shape = |d: &DateValue| {
            [
                d.year.is_some(),
                d.month.is_some(),
                d.day.is_some(),
                d.weekday.is_some(),
                d.quarter.is_some(),
                d.half.is_some(),
                d.season.is_some(),
            ]
        };
        let differing_parts = shape(x)
            .iter()
            .zip(shape(y).iter())
            .filter(|(p, q)| p != q)
            .count();
        let shared_parts = shape(x)
            .iter()
            .zip(shape(y).iter())
            .filter(|(p, q)| **p && **q)
            .count();
        if shared_parts == 0 {
            20.0
        } else {
            differing_parts as f64
        }
    }

    /// A year-only date in one language that another states as a plain number of the same
    /// value is the same fact read two ways.
    fn explained(&self, group: &GroupView, slot: &Slot) -> bool {
        let year_only = |d: &DateValue| {
            d.year.filter(|_| {
                *d == DateValue {
                    year: d.year,
                    ..DateValue::default()
                }
            })
        };
        let Some(year) = slot
            .values
            .values()
            .flatten()
            .find_map(|l| date(l.fact).and_then(year_only))
        else {
            return false;
        };
        slot.values.iter().all(|(&lang, value)| match value {
            Some(l) => date(l.fact).and_then(year_only) == Some(year),
            None => group
                .facts(lang, FactKind::Number)
                .iter()
                .any(|n| n.fact.value.key() == year.to_string()),
        })
    }
}
