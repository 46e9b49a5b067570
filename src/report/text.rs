//! The terminal report: findings grouped by aligned paragraph group, with excerpts,
//! highlighted values and inline diffs.
