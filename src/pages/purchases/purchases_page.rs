//! CSP › Reservations: every reservation and savings plan the partner's customers have, with
//! who placed each order; or, on a customer's Reservations tab, that customer's. Filtered by
//! status and by who placed them; the filters live in the address (`?status=active&placedBy=customer`),
//! so a link or Back shows the same list.

use domain::{BenefitStatus, CustomerId, PurchasedBenefit};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use super::{product_text, purchase_link};
use crate::app_route::AppRoute;
use crate::app_state::{set_title, use_app};
use crate::components::acting_user::ActingUser;
use crate::components::status_text::{backend_error, EmptyText, Loading, TableHead};
use crate::i18n::PurchasesTexts;
use crate::pages::placed_by_filter::PlacedByFilter;
use crate::pages::{read_as_user, ReadKinds};

/// The statuses a list can be filtered by (`None`: any).
const STATUSES: [BenefitStatus; 3] = [BenefitStatus::Succeeded, BenefitStatus::Cancelled, BenefitStatus::Expired];

fn status_value(status: BenefitStatus) -> &'static str {
    match status {
        BenefitStatus::Succeeded => "active",
        BenefitStatus::Cancelled => "cancelled",
        BenefitStatus::Expired => "expired",
    }
}

/// The list's filters, as the address has them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Filters {
    status: Option<BenefitStatus>,
    placed_by: PlacedByFilter,
}

impl Filters {
    fn query(self) -> String {
        let mut parts = Vec::new();
        if let Some(status) = self.status {
            parts.push(format!("status={}", status_value(status)));
        }
        if self.placed_by != PlacedByFilter::Everyone {
            parts.push(format!("placedBy={}", self.placed_by.value()));
        }
        if parts.is_empty() { String::new() } else { format!("?{}", parts.join("&")) }
    }

    fn admits(self, bought: &PurchasedBenefit) -> bool {
        self.status.is_none_or(|s| bought.item.benefit().status == s) && self.placed_by.admits(&bought.placed_by)
    }
}

/// Every customer's purchases (`customer: None`, the page in the left navigation) or one
/// customer's (its Reservations tab).
#[component]
pub fn PurchasesPage(customer: Option<CustomerId>) -> impl IntoView {
    let app = use_app();
    let m = app.texts::<PurchasesTexts>();
    if customer.is_none() {
        set_title(app, m.nav_reservations);
    }
    let query = use_query_map();
    let filters = Memo::new(move |_| {
        let query = query.read();
        Filters {
            status: query.get("status").and_then(|v| STATUSES.into_iter().find(|s| status_value(*s) == v)),
            placed_by: query.get("placedBy").map_or(PlacedByFilter::Everyone, |v| PlacedByFilter::from_value(&v)),
        }
    });
    let navigate = use_navigate();
    let here = customer.map_or(AppRoute::Purchases, AppRoute::CustomerPurchases);
    let go = move |wanted: Filters| {
        let path = format!("{}{}", here.path(), wanted.query());
        navigate(&path, NavigateOptions { replace: true, scroll: false, ..Default::default() });
    };
    let go_status = go.clone();
    let choose_status = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let status = STATUSES.into_iter().find(|s| status_value(*s) == value);
        go_status(Filters { status, ..filters.get_untracked() });
    };
    let choose_placer = move |ev: leptos::ev::Event| {
        let placed_by = PlacedByFilter::from_value(&event_target_value(&ev));
        go(Filters { placed_by, ..filters.get_untracked() });
    };
    provide_context(ReadKinds::PURCHASES);
    let purchases = read_as_user(app, || (), move |backend, caller| async move { backend.purchased(&caller, customer).await });
    let (status_id, placer_id) = ("purchases-status", "purchases-placed-by");
    view! {
        {match customer {
            None => view! { <h1 class="page-title">{m.nav_reservations}</h1> }.into_any(),
            Some(_) => view! { <h2 class="section-title">{m.nav_reservations}</h2> }.into_any(),
        }}
        <p class="hint">{if customer.is_some() { m.customer_purchases_intro } else { m.purchases_intro }}</p>
        <div class="toolbar">
            <div class="field">
                <label for=status_id>{m.col_status}</label>
                <select id=status_id on:change=choose_status>
                    <option value="" prop:selected=move || filters.get().status.is_none()>{m.any_status}</option>
                    {STATUSES.into_iter().map(|s| view! {
                        <option value=status_value(s) prop:selected=move || filters.get().status == Some(s)>{m.benefit_status(s)}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=placer_id>{m.col_bought_by}</label>
                <select id=placer_id on:change=choose_placer>
                    {PlacedByFilter::ALL.into_iter().map(|f| {
                        let label = match f {
                            PlacedByFilter::Everyone => m.anyone,
                            PlacedByFilter::PartnerStaff => m.partner_staff,
                            PlacedByFilter::CustomerUsers => m.customer_users,
                        };
                        view! { <option value=f.value() prop:selected=move || filters.get().placed_by == f>{label}</option> }
                    }).collect_view()}
                </select>
            </div>
        </div>
        <Transition fallback=Loading>
            {move || purchases.get().map(|read| match read {
                None => view! { <Loading/> }.into_any(),
                Some(Ok(all)) if all.is_empty() => view! { <EmptyText text=m.no_purchases/> }.into_any(),
                Some(Ok(mut all)) => {
                    let chosen = filters.get();
                    all.retain(|b| chosen.admits(b));
                    if all.is_empty() {
                        view! { <EmptyText text=m.no_purchases_match/> }.into_any()
                    } else {
                        view! { <PurchaseTable purchases=all with_customer=customer.is_none()/> }.into_any()
                    }
                }
                Some(Err(error)) => backend_error(&error),
            })}
        </Transition>
    }
}

#[component]
fn PurchaseTable(purchases: Vec<PurchasedBenefit>, with_customer: bool) -> impl IntoView {
    let app = use_app();
    let m = app.texts::<PurchasesTexts>();
    let count = purchases.len();
    let rows = purchases
        .into_iter()
        .map(|bought| {
            let b = bought.item.benefit().clone();
            let (term, plan, scope, renew, status) = (b.term, b.billing_plan, b.scope, b.renew, b.status);
            let customer = with_customer.then(|| {
                view! { <td class="wide-cell"><a href=app.href(&AppRoute::CustomerPurchases(b.customer_id))>{bought.customer_name.clone()}</a></td> }
            });
            view! {
                <tr>
                    <td class="wide-cell">
                        {purchase_link(app, &bought)}
                        <div class="sub-id">{m.kind(&bought.item)}" · "<a href=app.href(&AppRoute::Orders(b.customer_id))>{m.view_order}</a></div>
                    </td>
                    {customer}
                    <td class="wide-cell">{product_text(m, &bought.item)}</td>
                    <td>{m.number(bought.item.quantity() as usize)}</td>
                    <td class="nowrap">{m.scope(scope)}</td>
                    <td class="nowrap">{m.term(term)}</td>
                    <td>{m.billing_plan(plan)}</td>
                    <td class="nowrap">{m.date(b.effective.date())}</td>
                    <td class="nowrap">{m.date(b.expiry.date())}</td>
                    <td>{if renew { m.on } else { m.off }}</td>
                    <td class="nowrap">{m.benefit_status(status)}</td>
                    <td class="wide-cell"><ActingUser by=bought.placed_by.caller() mark_partner_staff=true/></td>
                </tr>
            }
        })
        .collect_view();
    let mut columns = vec![m.col_purchase];
    if with_customer {
        columns.push(m.col_customer);
    }
    columns.extend([
        m.col_product, m.col_quantity, m.col_scope, m.col_term, m.col_billing_frequency, m.col_purchase_date, m.col_expiry_date,
        m.col_auto_renew, m.col_status, m.col_bought_by,
    ]);
    view! {
        <p class="count">{m.plural(m.purchases_count, count)}</p>
        <div class="table-wrap" tabindex="0" role="region" aria-label=m.nav_reservations>
            <table class="table" data-testid="purchases-table">
                <TableHead columns=columns/>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
