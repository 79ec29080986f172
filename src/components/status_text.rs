//! The short texts that stand in for a page's content: loading, a failure, nothing to show.
//! One definition each, so every page says it the same way.

use leptos::prelude::*;

use crate::backend::BackendError;
use crate::app_state::use_app;

/// "Loading…", while the data is on its way (a `fallback` of `<Suspense>`/`<Transition>`).
#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading">{use_app().t().loading}</p> }
}

/// A failure in words, announced to screen readers.
#[component]
pub fn ErrorText(#[prop(into)] text: String) -> impl IntoView {
    view! { <p class="error-text" role="alert">{text}</p> }
}

/// A backend error in words.
pub fn backend_error(error: &BackendError) -> AnyView {
    view! { <ErrorText text=use_app().t().error(error)/> }.into_any()
}

/// Nothing to show, and why.
#[component]
pub fn EmptyText(#[prop(into)] text: String) -> impl IntoView {
    view! { <p class="empty">{text}</p> }
}

/// The head row of a table, one column header per label.
#[component]
pub fn TableHead(columns: Vec<&'static str>) -> impl IntoView {
    view! {
        <thead>
            <tr>{columns.into_iter().map(|label| view! { <th scope="col">{label}</th> }).collect_view()}</tr>
        </thead>
    }
}
