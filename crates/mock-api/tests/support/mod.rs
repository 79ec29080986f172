//! The conformance suite's drivers (every other helper is in the `test-support` crate).

pub mod drivers;
