//! CSP › Customers: the partner's customers, searchable, a page at a time.

use domain::CustomerPage;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::app_route::AppRoute;
use crate::app_state::use_app;
use crate::components::status_text::{backend_error, EmptyText, Loading, TableHead};
use crate::messages::{fill, number, t};

/// Rows on one page: few enough to render at once, however many customers there are.
pub const PAGE_SIZE: usize = 50;

#[component]
pub fn CustomersPage() -> impl IntoView {
    let app = use_app();
    let m = t();
    let search = RwSignal::new(String::new());
    let page = RwSignal::new(0usize);
    let customers = LocalResource::new(move || {
        let (query, offset) = (search.get(), page.get() * PAGE_SIZE);
        app.data_version.track();
        let backend = app.backend();
        async move { backend.customers(&query, offset, PAGE_SIZE).await }
    });

    view! {
        <h1 class="page-title">{m.customers_title}</h1>
        <div class="toolbar">
            <label for="customer-search" class="visually-hidden">{m.search_label}</label>
            <input
                id="customer-search"
                class="search"
                type="search"
                placeholder=m.search_placeholder
                autocomplete="off"
                prop:value=search
                on:input=move |ev| {
                    search.set(event_target_value(&ev));
                    page.set(0);
                }
            />
        </div>
        <Transition fallback=Loading>
            {move || customers.get().map(|result| match result {
                Ok(found) => view! { <CustomerTable found=found search=search.get_untracked() page=page/> }.into_any(),
                Err(error) => backend_error(&error),
            })}
        </Transition>
    }
}

#[component]
fn CustomerTable(found: CustomerPage, search: String, page: RwSignal<usize>) -> impl IntoView {
    let app = use_app();
    let m = t();
    let navigate = use_navigate();
    if found.total == 0 {
        return view! { <EmptyText text=fill(m.no_customers_match, &[&search])/> }.into_any();
    }
    let pages = found.total.div_ceil(PAGE_SIZE);
    let current = found.offset / PAGE_SIZE;
    let first = found.offset + 1;
    let last = found.offset + found.items.len();
    let rows = found
        .items
        .into_iter()
        .map(|c| {
            let route = AppRoute::Account(c.id);
            let (path, href) = (route.path(), app.href(&route));
            let navigate = navigate.clone();
            let status = m.permission_list(&c.permissions);
            let on = !c.permissions.is_empty();
            view! {
                <tr class="clickable" on:click=move |ev| {
                    // The name is a link; a click elsewhere on the row opens the customer too.
                    if !is_link(&ev) { navigate(&path, Default::default()) }
                }>
                    <td><a href=href class="customer-link">{c.company_name}</a></td>
                    <td class="mono-ish">{c.domain}</td>
                    <td class="mono">{c.id.to_string()}</td>
                    <td><span class="status" class:status-on=on>{status}</span></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="count" aria-live="polite">{fill(m.customers_range, &[&number(first), &number(last), &number(found.total)])}</p>
        <div class="table-wrap">
            <table class="table customers-table">
                <TableHead columns=vec![m.col_company, m.col_domain, m.col_microsoft_id, m.col_permissions]/>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {(pages > 1).then(|| view! {
            <nav class="pager" aria-label="Pages">
                <button type="button" class="button" disabled={current == 0}
                    on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>{m.previous_page}</button>
                <span>{fill(m.page_of, &[&number(current + 1), &number(pages)])}</span>
                <button type="button" class="button" disabled={current + 1 >= pages}
                    on:click=move |_| page.update(|p| *p += 1)>{m.next_page}</button>
            </nav>
        })}
    }
    .into_any()
}

fn is_link(ev: &web_sys::MouseEvent) -> bool {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a").ok().flatten())
        .is_some()
}
