//! After the first paint, when the browser is idle, the chunks of the signed-in user's side
//! are fetched, so that a click does not wait for a round trip. Not when the browser asks to
//! save data (`navigator.connection.saveData`): then each chunk comes on first use.

use std::cell::Cell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::app_route::Side;
use crate::app_state::AppState;

thread_local! {
    /// The side whose chunks were asked for already.
    static PRELOADED: Cell<Option<Side>> = const { Cell::new(None) };
}

/// Fetches the chunks of `side` when the browser is next idle (once per side), and for the
/// partner's side makes the whole backend available (the top bar's count of requests needs it).
pub fn when_idle(side: Side, app: AppState) {
    if side == Side::Either || PRELOADED.with(|p| p.get()) == Some(side) || saves_data() {
        return;
    }
    PRELOADED.with(|p| p.set(Some(side)));
    let Some(window) = web_sys::window() else { return };
    let run = Closure::once_into_js(move || leptos::task::spawn_local(preload(side, app)));
    let function = run.unchecked_ref::<js_sys::Function>();
    // Safari has no requestIdleCallback: a short timeout instead.
    if window.request_idle_callback(function).is_err() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(function, 200);
    }
}

async fn preload(side: Side, app: AppState) {
    // A failure here is not shown: the page that needs the chunk tries again and says so.
    match side {
        Side::Partner => {
            let _ = app.load_backend().await;
            let _ = super::preload_customer_pages().await;
            let _ = super::preload_purchases().await;
            let _ = super::preload_partner_top_bar().await;
            let _ = super::preload_activity_log().await;
        }
        Side::Customer => {
            let _ = super::preload_store_operations().await;
            let _ = super::preload_portal().await;
        }
        Side::Either => {}
    }
}

/// Whether the browser asks to save data (Data Saver, `Save-Data`).
fn saves_data() -> bool {
    let Some(window) = web_sys::window() else { return false };
    let navigator = window.navigator();
    js_sys::Reflect::get(&navigator, &"connection".into())
        .ok()
        .filter(|c| c.is_object())
        .and_then(|connection| js_sys::Reflect::get(&connection, &"saveData".into()).ok())
        .and_then(|save| save.as_bool())
        .unwrap_or(false)
}
