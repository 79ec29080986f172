//! CSP › Customers: the partner's customers, searchable as you type, a page at a time.
//! The search text and the page are kept in the address (`?q=contoso&page=3`), so Back,
//! a reload and a shared link bring them back.

use std::time::Duration;

use domain::CustomerPage;
use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::custom_attribute;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::app_route::AppRoute;
use crate::app_state::{set_title, use_app};
use crate::components::status_text::{backend_error, EmptyText, Loading, TableHead};
use crate::i18n::fill;
use crate::pages::{read_core_as_user, ReadKinds};

/// Rows on one page: few enough to render at once, however many customers there are.
pub const PAGE_SIZE: usize = 50;

/// How long typing must pause before the address follows the search box.
const ADDRESS_DEBOUNCE: Duration = Duration::from_millis(400);

/// The list's place: what is searched for, and which page (from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
struct ListPlace {
    search: String,
    page: usize,
}

impl ListPlace {
    /// The address of this place, below the app's base.
    fn path(&self) -> String {
        let mut query = Vec::new();
        if !self.search.is_empty() {
            query.push(format!("q={}", String::from(js_sys::encode_uri_component(&self.search))));
        }
        if self.page > 1 {
            query.push(format!("page={}", self.page));
        }
        let path = AppRoute::Customers.path();
        if query.is_empty() { path } else { format!("{path}?{}", query.join("&")) }
    }
}

#[component]
pub fn CustomersPage() -> impl IntoView {
    let app = use_app();
    let m = app.t();
    set_title(app, m.customers_title);
    let query = use_query_map();
    let in_address = Memo::new(move |_| {
        let query = query.read();
        ListPlace {
            search: query.get("q").unwrap_or_default(),
            page: query.get("page").and_then(|p| p.parse().ok()).filter(|p| *p >= 1).unwrap_or(1),
        }
    });
    // The list follows the box at once; the address follows once typing pauses.
    let place = RwSignal::new(in_address.get_untracked());
    // Back and Forward change the address: the box and the list follow it.
    Effect::new(move |_| {
        let wanted = in_address.get();
        if place.get_untracked() != wanted {
            place.set(wanted);
        }
    });
    let navigate = use_navigate();
    let show_in_address = move |replace: bool| {
        let path = place.get_untracked().path();
        navigate(&path, NavigateOptions { replace, scroll: false, ..Default::default() });
    };
    let typed = StoredValue::new(0u64);
    let on_input = {
        let show_in_address = show_in_address.clone();
        move |ev: leptos::ev::Event| {
            place.set(ListPlace { search: event_target_value(&ev), page: 1 });
            let keystroke = typed.get_value() + 1;
            typed.set_value(keystroke);
            let show_in_address = show_in_address.clone();
            set_timeout(
                move || {
                    if typed.try_get_value() == Some(keystroke) {
                        show_in_address(true);
                    }
                },
                ADDRESS_DEBOUNCE,
            );
        }
    };
    let go_to_page = Callback::new(move |page: usize| {
        place.update(|p| p.page = page);
        show_in_address(false);
    });
    provide_context(ReadKinds::CUSTOMERS);
    let customers = read_core_as_user(
        app,
        move || place.track(),
        move |backend, caller| {
            let ListPlace { search, page } = place.get_untracked();
            async move {
                let found = backend.customers(&caller, &search, (page - 1) * PAGE_SIZE, PAGE_SIZE).await?;
                if found.items.is_empty() && found.total > 0 {
                    // An address beyond the last page (the list got shorter): its last page.
                    let last = (found.total - 1) / PAGE_SIZE * PAGE_SIZE;
                    return backend.customers(&caller, &search, last, PAGE_SIZE).await;
                }
                Ok(found)
            }
        },
    );

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
                prop:value=move || place.with(|p| p.search.clone())
                on:input=on_input
            />
        </div>
        <Transition fallback=Loading>
            {move || customers.get().map(|read| match read {
                None => view! { <Loading/> }.into_any(),
                Some(Ok(found)) => {
                    let search = place.with_untracked(|p| p.search.clone());
                    view! { <CustomerTable found=found search=search go_to_page=go_to_page/> }.into_any()
                }
                Some(Err(error)) => backend_error(&error),
            })}
        </Transition>
    }
}

#[component]
fn CustomerTable(found: CustomerPage, search: String, go_to_page: Callback<usize>) -> impl IntoView {
    let app = use_app();
    let m = app.t();
    let navigate = use_navigate();
    if found.total == 0 {
        return view! { <EmptyText text=fill(m.no_customers_match, &[("search", &search)])/> }.into_any();
    }
    let pages = found.total.div_ceil(PAGE_SIZE);
    let current = found.offset / PAGE_SIZE + 1;
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
    let range = fill(m.customers_range, &[("first", &m.number(first)), ("last", &m.number(last)), ("total", &m.number(found.total))]);
    view! {
        // `elementtiming`: the benchmark reads when the list is first painted.
        <p class="count" aria-live="polite" {..custom_attribute("elementtiming", "customers-shown")}>{range}</p>
        <div class="table-wrap">
            <table class="table customers-table">
                <TableHead columns=vec![m.col_company, m.col_domain, m.col_microsoft_id, m.col_permissions]/>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {(pages > 1).then(|| view! {
            <nav class="pager" aria-label=m.pages>
                <button type="button" class="button" disabled={current == 1}
                    on:click=move |_| go_to_page.run(current - 1)>{m.previous_page}</button>
                <span>{fill(m.page_of, &[("page", &m.number(current)), ("pages", &m.number(pages))])}</span>
                <button type="button" class="button" disabled={current >= pages}
                    on:click=move |_| go_to_page.run(current + 1)>{m.next_page}</button>
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
