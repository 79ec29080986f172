//! Who is signed in to the demo: their name and role always shown, and a choice of user.

use domain::PartnerUserId;
use leptos::prelude::*;

use crate::app_state::use_app;

#[component]
pub fn IdentitySwitcher() -> impl IntoView {
    let app = use_app();
    let m = app.t();
    let selected = move || app.current_user.get().map(|id| id.to_string()).unwrap_or_default();
    view! {
        <div class="identity">
            <div class="identity-current" data-testid="current-user">
                <span class="visually-hidden">{m.signed_in_as}" "</span>
                <span class="identity-name">{move || app.user().map(|u| u.display_name).unwrap_or_default()}</span>
                <span class="identity-role">{move || app.user().map(|u| m.role(u.role)).unwrap_or_default()}</span>
            </div>
            <label class="visually-hidden" for="identity-select">{m.switch_user}</label>
            <select
                id="identity-select"
                class="identity-select"
                prop:value=selected
                on:change=move |ev| app.current_user.set(Some(PartnerUserId::new(event_target_value(&ev))))
            >
                <For each=move || app.users.get() key=|u| u.id.clone() let:user>
                    <option value=user.id.to_string() selected=move || app.current_user.get().as_ref() == Some(&user.id)>
                        {format!("{} ({})", user.display_name, m.role(user.role))}
                    </option>
                </For>
            </select>
        </div>
    }
}
