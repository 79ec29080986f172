//! A modal confirmation: title, body, a primary button on the left and Cancel.
//! Focus moves to the primary button; Escape cancels. While it is open, changes kept
//! elsewhere (another tab, the event stream) wait: the page is not read again under the user.

use leptos::html;
use leptos::prelude::*;

use crate::app_state::use_app;

#[component]
pub fn ConfirmDialog(
    /// The dialog's title.
    #[prop(into)]
    title: String,
    /// The label of the primary button.
    confirm_label: &'static str,
    on_confirm: Callback<()>,
    on_cancel: Callback<()>,
    /// While true, the primary button cannot be pressed (a quote still loading, a change
    /// under way, a form not valid).
    #[prop(optional, into)]
    confirm_disabled: Signal<bool>,
    children: Children,
) -> impl IntoView {
    let confirm_button = NodeRef::<html::Button>::new();
    // What changes elsewhere is read again once the dialog is closed, not under the user.
    let app = use_app();
    app.core().revision().hold();
    on_cleanup(move || {
        if let Some(core) = app.try_core() {
            core.revision().release();
        }
    });
    Effect::new(move |_| {
        if let Some(button) = confirm_button.get() {
            let _ = button.focus();
        }
    });
    view! {
        <div class="dialog-backdrop">
            <div
                class="dialog"
                role="dialog"
                aria-modal="true"
                aria-labelledby="dialog-title"
                aria-describedby="dialog-body"
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        ev.prevent_default();
                        on_cancel.run(());
                    }
                }
            >
                <h2 id="dialog-title" class="dialog-title">{title}</h2>
                <div id="dialog-body" class="dialog-body">{children()}</div>
                <div class="dialog-actions">
                    <button type="button" class="button button-primary" node_ref=confirm_button
                        prop:disabled=move || confirm_disabled.get()
                        on:click=move |_| on_confirm.run(())>{confirm_label}</button>
                    <button type="button" class="button" on:click=move |_| on_cancel.run(())>{use_app().t().cancel}</button>
                </div>
            </div>
        </div>
    }
}

/// Gives keyboard focus back to the element `id` (the control that opened a dialog).
pub fn focus_by_id(id: &str) {
    use wasm_bindgen::JsCast;
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}
