//! Listening to the browser's events (another tab's `storage`, the mock API's event stream),
//! and waiting:
//! one listener type for all, made here, in the first module, so that the split modules that
//! use it never describe a closure type of their own (leptos#4347).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Event, EventTarget};

/// A handler of `name` events on `target`, until dropped.
pub struct Listener {
    target: EventTarget,
    name: &'static str,
    handler: Closure<dyn FnMut(Event)>,
}

impl Listener {
    /// Listens; `None` when the browser refuses.
    pub fn new(target: &EventTarget, name: &'static str, handler: Box<dyn FnMut(Event)>) -> Option<Self> {
        let handler = Closure::wrap(handler);
        target.add_event_listener_with_callback(name, handler.as_ref().unchecked_ref()).ok()?;
        Some(Self { target: target.clone(), name, handler })
    }

    /// Listens for as long as the page lives.
    pub fn forever(self) {
        std::mem::forget(self);
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback(self.name, self.handler.as_ref().unchecked_ref());
    }
}

/// Waits `ms` milliseconds (a JS promise, awaited: no closure of ours).
pub async fn sleep(ms: u32) {
    let make = js_sys::Function::new_with_args("ms", "return new Promise(function (done) { setTimeout(done, ms); })");
    if let Ok(promise) = make.call1(&wasm_bindgen::JsValue::NULL, &ms.into()) {
        if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        }
    }
}
