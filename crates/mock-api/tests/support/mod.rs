//! The conformance suite's driver (every other helper is in the `test-support` crate).

pub mod drivers;
