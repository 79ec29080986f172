//! The language of the UI, chosen in the top bar; it changes at once, without a reload.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app_state::use_app;
use crate::i18n::Lang;

const PICKER_ID: &str = "language-select";

#[component]
pub fn LanguagePicker() -> impl IntoView {
    let app = use_app();
    let m = app.t();
    let choose = move |ev: leptos::ev::Event| {
        let Some(lang) = Lang::from_code(&event_target_value(&ev)) else { return };
        if lang != app.lang.get_untracked() {
            app.lang.set(lang);
            // The page renders again in the new language: keep the keyboard where it was.
            request_animation_frame(|| {
                let picker = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id(PICKER_ID))
                    .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(picker) = picker {
                    let _ = picker.focus();
                }
            });
        }
    };
    view! {
        <div class="language">
            <label class="visually-hidden" for=PICKER_ID>{m.language}</label>
            <select id=PICKER_ID class="language-select" on:change=choose>
                {Lang::ALL.into_iter().map(|lang| view! {
                    <option value=lang.code() lang=lang.tag() selected=lang == m.lang>{lang.own_name()}</option>
                }).collect_view()}
            </select>
        </div>
    }
}
