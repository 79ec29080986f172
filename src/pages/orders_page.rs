//! Customer › Order history: every order of the customer, newest first, the partner's and
//! what the customer's users bought on their own, with who placed each (Partner Center's
//! own page does not say; ours does, so a partner can tell self-service purchases apart).

use domain::{Order, Term};
use leptos::prelude::*;

use crate::app_state::{set_title, use_app};
use crate::components::acting_user::ActingUser;
use crate::components::status_text::{backend_error, EmptyText, Loading, TableHead};
use crate::i18n::{CustomerTexts, fill};
use crate::pages::customer_layout::use_customer;
use crate::pages::placed_by_filter::PlacedByFilter;
use crate::pages::{read_as_user, ReadKinds};

const PLACED_BY_ID: &str = "orders-placed-by";

/// The filter's words.
fn label(filter: PlacedByFilter, m: &CustomerTexts) -> &'static str {
    match filter {
        PlacedByFilter::Everyone => m.placed_by_everyone,
        PlacedByFilter::PartnerStaff => m.placed_by_partner_staff,
        PlacedByFilter::CustomerUsers => m.placed_by_customer_users,
    }
}

#[component]
pub fn OrdersPage() -> impl IntoView {
    let app = use_app();
    let m = app.texts::<CustomerTexts>();
    let customer = use_customer();
    set_title(app, &fill(m.customer_tab_title, &[("tab", m.order_history), ("customer", &customer.company_name)]));
    let id = customer.id;
    // An Azure plan bought on another tab of this customer, or a purchase in the customer's
    // portal, appears without a reload: every read follows the changes kept.
    provide_context(ReadKinds::ORDERS);
    let orders = read_as_user(app, || (), move |backend, caller| async move { backend.orders(&caller, id).await });
    let placed_by = RwSignal::new(PlacedByFilter::Everyone);
    view! {
        <h2 class="section-title">{m.order_history}</h2>
        <p class="hint">{m.orders_intro}</p>
        <div class="toolbar">
            <div class="field">
                <label for=PLACED_BY_ID>{m.col_placed_by}</label>
                <select id=PLACED_BY_ID on:change=move |ev| placed_by.set(PlacedByFilter::from_value(&event_target_value(&ev)))>
                    {PlacedByFilter::ALL.into_iter().map(|filter| view! {
                        <option value=filter.value() prop:selected=move || placed_by.get() == filter>{label(filter, m)}</option>
                    }).collect_view()}
                </select>
            </div>
        </div>
        <Transition fallback=Loading>
            {move || orders.get().map(|read| match read {
                None => view! { <Loading/> }.into_any(),
                Some(Ok(orders)) if orders.is_empty() => view! { <EmptyText text=m.no_orders/> }.into_any(),
                Some(Ok(mut orders)) => {
                    let filter = placed_by.get();
                    orders.retain(|order| filter.admits(&order.placed_by));
                    if orders.is_empty() {
                        view! { <EmptyText text=m.no_orders_placed_by/> }.into_any()
                    } else {
                        view! { <OrderTable orders=orders/> }.into_any()
                    }
                }
                Some(Err(error)) => backend_error(&error),
            })}
        </Transition>
    }
}

#[component]
fn OrderTable(orders: Vec<Order>) -> impl IntoView {
    let m = use_app().texts::<CustomerTexts>();
    let count = orders.len();
    let rows = orders.into_iter().map(|order| view! { <OrderRow order=order/> }).collect_view();
    view! {
        <p class="count">{m.plural(m.orders_count, count)}</p>
        <div class="table-wrap">
            <table class="table" data-testid="orders-table">
                <TableHead columns=vec![
                    m.col_order_date, m.col_product, m.col_quantity, m.col_term, m.col_billing_frequency,
                    m.col_total, m.col_status, m.col_placed_by,
                ]/>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// One order: its lines' products, quantities and terms one below the other.
#[component]
fn OrderRow(order: Order) -> impl IntoView {
    let m = use_app().texts::<CustomerTexts>();
    let by = order.placed_by.caller();
    let products = order
        .line_items
        .iter()
        .map(|item| {
            view! {
                <div class="order-line">
                    {item.friendly_name.clone()}
                    <div class="sub-id mono">{item.offer_id.clone()}</div>
                </div>
            }
        })
        .collect_view();
    let quantities =
        order.line_items.iter().map(|item| view! { <div class="order-line">{m.number(item.quantity as usize)}</div> }).collect_view();
    let terms = order
        .line_items
        .iter()
        .map(|item| {
            let term = item.term_duration.as_deref().and_then(Term::from_iso).map_or(m.no_term, |term| m.term(term));
            view! { <div class="order-line">{term}</div> }
        })
        .collect_view();
    view! {
        <tr>
            <td class="nowrap">{m.date(order.creation_date.date())}</td>
            <td>{products}</td>
            <td>{quantities}</td>
            <td class="nowrap">{terms}</td>
            <td>{m.billing_cycle(order.billing_cycle)}</td>
            <td class="nowrap">{m.money(order.total())}</td>
            <td class="nowrap">{m.order_status(order.status)}</td>
            <td><ActingUser by=by mark_partner_staff=true/></td>
        </tr>
    }
}
