//! Reset the demo to its starting state, with a choice of how many customers it holds: the
//! embedded store's data in this browser, or the mock API's for everyone using it (partner
//! Admin agents only; the server refuses the others).

use leptos::prelude::*;

use domain::demo_data::HAND_MADE_COUNT;
use domain::PartnerRole;

use crate::app_state::use_app;
use crate::backend::BackendKind;

/// How many customers the demo data can start with: the hand-made ones, 1,000 or 10,000.
const SIZES: [usize; 3] = [HAND_MADE_COUNT, 1_000, 10_000];

#[component]
pub fn DemoDataPanel() -> impl IntoView {
    let app = use_app();
    let m = app.t();
    let shared = app.core().kind() != BackendKind::Embedded;
    // The mock API's reset is for partner Admin agents only.
    let refused = Memo::new(move |_| shared && !app.user().is_some_and(|u| u.role == PartnerRole::AdminAgent));
    let size = RwSignal::new(HAND_MADE_COUNT);
    let reset = app.reset_demo;
    view! {
        <section class="demo-data" aria-labelledby="demo-data-title">
            <h2 id="demo-data-title" class="nav-heading">{m.demo_data}</h2>
            <label for="demo-size" class="small-label">{m.demo_size_label}</label>
            <select id="demo-size" disabled=move || refused.get()
                on:change=move |ev| size.set(event_target_value(&ev).parse().unwrap_or(HAND_MADE_COUNT))>
                {SIZES.into_iter().map(|total| view! {
                    <option value=total.to_string()>{m.plural(m.demo_customers_option, total)}</option>
                }).collect_view()}
            </select>
            <button type="button" class="button" disabled=move || reset.pending().get() || refused.get()
                aria-describedby=shared.then_some("demo-data-hint")
                on:click=move |_| { reset.dispatch_local(size.get_untracked()); }>{m.reset_demo_data}</button>
            {shared.then(|| view! {
                <p id="demo-data-hint" class="small-label">
                    {move || if refused.get() { m.mock_api_reset_admin_only } else { m.mock_api_data_hint }}
                </p>
            })}
        </section>
    }
}
