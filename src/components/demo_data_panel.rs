//! Reset the demo to its starting state, with a choice of how many customers it holds.

use leptos::prelude::*;

use domain::demo_data::HAND_MADE_COUNT;

use crate::app_state::use_app;
use crate::backend::BackendKind;

/// How many customers the demo data can start with: the hand-made ones, 1,000 or 10,000.
const SIZES: [usize; 3] = [HAND_MADE_COUNT, 1_000, 10_000];

#[component]
pub fn DemoDataPanel() -> impl IntoView {
    let app = use_app();
    let m = app.t();
    // The mock API's data lives in its file; the panel says how to start again instead.
    if app.core().kind() != BackendKind::Embedded {
        return view! {
            <section class="demo-data" aria-labelledby="demo-data-title">
                <h2 id="demo-data-title" class="nav-heading">{m.demo_data}</h2>
                <p class="small-label">{m.mock_api_data_hint}</p>
            </section>
        }
        .into_any();
    }
    let size = RwSignal::new(HAND_MADE_COUNT);
    let reset = app.reset_demo;
    view! {
        <section class="demo-data" aria-labelledby="demo-data-title">
            <h2 id="demo-data-title" class="nav-heading">{m.demo_data}</h2>
            <label for="demo-size" class="small-label">{m.demo_size_label}</label>
            <select id="demo-size" on:change=move |ev| size.set(event_target_value(&ev).parse().unwrap_or(HAND_MADE_COUNT))>
                {SIZES.into_iter().map(|total| view! {
                    <option value=total.to_string()>{m.plural(m.demo_customers_option, total)}</option>
                }).collect_view()}
            </select>
            <button type="button" class="button" disabled=move || reset.pending().get()
                on:click=move |_| { reset.dispatch_local(size.get_untracked()); }>{m.reset_demo_data}</button>
        </section>
    }
    .into_any()
}
