//! An On/Off switch: a native checkbox with `role="switch"`, tied to its label, so mouse,
//! Space, Enter and screen readers all work. The switch never flips by itself: it asks
//! `on_toggle` and shows whatever `checked` says afterwards.

use leptos::prelude::*;

use crate::i18n::CustomerTexts;

use crate::app_state::use_app;

#[component]
pub fn PermissionSwitch(
    /// The input's id, unique on the page; the label points at it.
    #[prop(into)]
    id: String,
    /// The visible label.
    label: &'static str,
    /// Words only screen readers hear after the label, to tell like switches apart.
    #[prop(into)]
    label_detail: String,
    /// Whether the switch is On.
    #[prop(into)]
    checked: Signal<bool>,
    /// Whether the switch can be moved at all.
    #[prop(into)]
    disabled: Signal<bool>,
    /// A change is under way: the switch cannot be moved until it is done, but it stays
    /// focusable (`aria-disabled`), so a keyboard user's focus stays on it.
    #[prop(into)]
    busy: Signal<bool>,
    /// The ids of the texts that explain the switch (and why it is disabled).
    #[prop(into)]
    described_by: Signal<String>,
    /// Called with the state the user asked for.
    on_toggle: Callback<bool>,
) -> impl IntoView {
    let m = use_app().texts::<CustomerTexts>();
    let request = move || {
        if !disabled.get_untracked() && !busy.get_untracked() {
            on_toggle.run(!checked.get_untracked());
        }
    };
    view! {
        <div class="switch" class:switch-disabled=move || disabled.get() || busy.get()>
            <label class="switch-label" for=id.clone()>
                {label}
                <span class="visually-hidden">" "{label_detail}</span>
            </label>
            <span class="switch-control">
                <input
                    type="checkbox"
                    role="switch"
                    class="switch-input"
                    id=id
                    prop:checked=checked
                    aria-checked=move || if checked.get() { "true" } else { "false" }
                    disabled=disabled
                    aria-disabled=move || busy.get().then_some("true")
                    aria-describedby=described_by
                    on:click=move |ev| {
                        // The checkbox must not flip on its own; the real state comes back
                        // through `checked`.
                        ev.prevent_default();
                        request();
                    }
                    on:keydown=move |ev| {
                        if ev.key() == "Enter" {
                            ev.prevent_default();
                            request();
                        }
                    }
                />
                <span class="switch-track" aria-hidden="true">
                    <span class="switch-thumb"></span>
                </span>
                <span class="switch-state" aria-hidden="true">
                    {move || if checked.get() { m.on } else { m.off }}
                </span>
            </span>
        </div>
    }
}
