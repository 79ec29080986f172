//! The app in a real (headless) browser: what partner users (Admin, Sales and Helpdesk
//! agents), customer users and a user with broken saved data see and can do, in English and
//! in German, grouped by area. Run by `cargo xtask test` (wasm-bindgen-test in headless
//! Chromium), without the `split` feature: here the split points are plain calls.

#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod support;

mod backend_conformance;
mod customer_pages;
mod customers;
mod language;
mod notifications;
mod orders_and_activity;
mod permissions;
mod portal;
mod saved_data;
