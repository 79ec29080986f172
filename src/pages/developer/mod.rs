//! For partner developers: the Requests inspector (`/developer/requests`), when the app runs
//! on the mock API.

mod fault_rules;
mod new_fault_rule;
mod requests_inspector;

pub use requests_inspector::RequestsInspector;

use api_types::stand_in::METHODS;

/// JSON text laid out to be read (two spaces a level, by the browser's own writer); any other
/// text as it is.
fn pretty(text: &str) -> String {
    js_sys::JSON::parse(text)
        .ok()
        .and_then(|value| js_sys::JSON::stringify_with_replacer_and_space(&value, &wasm_bindgen::JsValue::NULL, &2.into()).ok())
        .map(String::from)
        .unwrap_or_else(|| text.to_string())
}

/// A value as compact JSON (what a fault rule says, as it was given).
fn as_json<T: serde::Serialize>(value: &T) -> String {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .ok()
        .and_then(|value| js_sys::JSON::stringify(&value).ok())
        .map(String::from)
        .unwrap_or_default()
}
