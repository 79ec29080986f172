//! Showing what a chunk renders: "Loading…" until its module is there, then its view; if
//! the module cannot be loaded, a message in the language shown and a way to try again.

use std::future::Future;
use std::rc::Rc;

use leptos::prelude::*;
use send_wrapper::SendWrapper;

use super::ChunkUnavailable;
use crate::app_state::{initial_language, AppState};
use crate::components::status_text::Loading;

/// The view of a chunk's entry (`load`), once its chunk (`preload`) and the whole backend
/// (`AppState::load_backend`) are there: the two chunks are fetched side by side, and the
/// page is built when both are in, so its reads find the backend. A retry starts over. A
/// `<Transition>`, not a `<Suspense>`: the page's reads, made again after every change, must
/// not take the page down to "Loading…" and build it anew (the focus, an open form and what
/// was typed in it would be lost).
#[component]
pub fn LazyView<P, PFut, F, Fut>(preload: P, load: F) -> impl IntoView
where
    P: Fn() -> PFut + 'static,
    PFut: Future<Output = Result<(), ChunkUnavailable>> + 'static,
    F: Fn() -> Fut + 'static,
    Fut: Future<Output = Result<AnyView, ChunkUnavailable>> + 'static,
{
    let app = expect_context::<AppState>();
    let attempt = RwSignal::new(0_u32);
    let chunk = StoredValue::new_local((Rc::new(preload), Rc::new(load)));
    view! {
        <Transition fallback=Loading>
            {move || {
                attempt.track();
                let (preload, load) = chunk.get_value();
                Suspend::new(SendWrapper::new(async move {
                    let (chunk, backend) = futures::future::join(preload(), app.load_backend()).await;
                    let view = match (chunk, backend) {
                        (Ok(()), Ok(())) => load().await,
                        _ => Err(ChunkUnavailable),
                    };
                    view.unwrap_or_else(|ChunkUnavailable| {
                        view! { <ChunkFailed retry=Callback::new(move |()| attempt.update(|n| *n += 1))/> }.into_any()
                    })
                }))
            }}
        </Transition>
    }
}

/// A part of the app could not be loaded: what happened, what to check, and Try again.
#[component]
pub fn ChunkFailed(
    /// Loads the part again.
    retry: Callback<()>,
) -> impl IntoView {
    // Also shown before the app's state exists (the HTTP backend's chunk at start).
    let m = use_context::<AppState>().map(|app| app.t()).unwrap_or_else(|| initial_language().messages());
    view! {
        <div class="chunk-failed" role="alert">
            <h1 class="page-title">{m.chunk_failed_title}</h1>
            <p>{m.chunk_failed_text}</p>
            <div class="toolbar">
                <button type="button" class="button button-primary" on:click=move |_| retry.run(())>{m.try_again}</button>
                <button type="button" class="button" on:click=move |_| reload()>{m.reload_page}</button>
            </div>
        </div>
    }
}

/// Loads the page again from the server (a new deploy's files included).
fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// A part of a page that may come later, or not at all (the top bar's extras): nothing until
/// its chunk is there, and nothing if it cannot be loaded. (No `<Suspense>`: the first page
/// does not carry another one for it.)
#[component]
pub fn LazyExtra<F, Fut>(load: F) -> impl IntoView
where
    F: FnOnce() -> Fut + 'static,
    Fut: Future<Output = Result<AnyView, ChunkUnavailable>> + 'static,
{
    let loaded = RwSignal::new_local(None::<AnyView>);
    // Under this component's owner: the view it builds reads the app's context.
    leptos::task::spawn_local_scoped(async move {
        if let Ok(view) = load().await {
            loaded.try_set(Some(view));
        }
    });
    // Shown once: the view is taken out of the signal as it is rendered.
    move || {
        loaded.track();
        loaded.try_update_untracked(Option::take).flatten()
    }
}
