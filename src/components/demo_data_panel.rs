//! Reset the demo to its starting state, with a choice of how many customers it holds.

use leptos::prelude::*;

use crate::app_state::{use_app, NoticeKind};
use crate::backend::BackendKind;
use crate::messages::{fill, t};

/// Extra generated customers on top of the 25 hand-made ones.
const SIZES: [(u32, &str); 3] = [(0, "25"), (975, "1,000"), (9_975, "10,000")];

#[component]
pub fn DemoDataPanel() -> impl IntoView {
    let app = use_app();
    let m = t();
    let size = RwSignal::new(0u32);
    let reset = move |_| {
        let backend = app.backend();
        let extra = size.get_untracked();
        leptos::task::spawn_local(async move {
            match backend.reset_demo_data(extra).await {
                Ok(()) => {
                    let label = SIZES.iter().find(|(n, _)| *n == extra).map(|(_, l)| *l).unwrap_or("");
                    app.notify(NoticeKind::Success, fill(m.demo_data_reset, &[label]));
                }
                Err(error) => app.report(&error),
            }
            app.data_changed();
        });
    };
    // The mock API's data lives in its file; the panel says how to start again instead.
    if app.backend().kind() != BackendKind::Embedded {
        return view! {
            <section class="demo-data" aria-labelledby="demo-data-title">
                <h2 id="demo-data-title" class="nav-heading">{m.demo_data}</h2>
                <p class="small-label">{m.error_not_supported}</p>
            </section>
        }
        .into_any();
    }
    view! {
        <section class="demo-data" aria-labelledby="demo-data-title">
            <h2 id="demo-data-title" class="nav-heading">{m.demo_data}</h2>
            <label for="demo-size" class="small-label">{m.demo_size_label}</label>
            <select id="demo-size" on:change=move |ev| size.set(event_target_value(&ev).parse().unwrap_or(0))>
                {SIZES.iter().map(|(n, label)| view! {
                    <option value=n.to_string()>{fill(m.demo_customers_option, &[label])}</option>
                }).collect_view()}
            </select>
            <button type="button" class="button" on:click=reset>{m.reset_demo_data}</button>
        </section>
    }
    .into_any()
}
