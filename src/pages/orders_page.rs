//! Customer › Order history (to be written in this session).

use leptos::prelude::*;

#[component]
pub fn OrdersPage() -> impl IntoView {
    view! { <p>"orders"</p> }
}
