//! A customer user's own view: their company's Azure portal (to be written in this session).

use leptos::prelude::*;

use crate::app_route::AppRoute;

#[component]
pub fn PortalPage(route: Memo<AppRoute>) -> impl IntoView {
    move || view! { <p>{route.get().path()}</p> }
}
