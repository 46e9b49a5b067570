//! The `concord/1` JSON report: a public contract that CI pipelines parse. Extend it, never
//! break it.
