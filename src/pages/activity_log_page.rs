//! Settings › Activity log: who changed which customer's purchase permissions and Azure
//! roles, and what was ordered (by the partner or by a customer's user), and when. One kind
//! of action can be shown at a time; the choice is kept in the address
//! (`?action=create_order`), so Back, a reload and a shared link bring it back.

use domain::dates::{format_date, parse_date};
use domain::{ActivityAction, ActivityDetail, ActivityRecord, Clock};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use time::{Date, Duration};

use crate::app_route::AppRoute;
use crate::app_state::{set_title, use_app};
use crate::backend::BrowserClock;
use crate::components::acting_user::ActingUser;
use crate::components::status_text::{backend_error, EmptyText, ErrorText, Loading, TableHead};
use crate::i18n::{ActivityTexts, fill};
use crate::pages::{read_as_user, ReadKinds};

const ACTION_ID: &str = "activity-action";

/// The log's address, showing `action` only (every action when `None`).
fn path_for(action: Option<ActivityAction>) -> String {
    let path = AppRoute::ActivityLog.path();
    match action {
        Some(action) => format!("{path}?action={}", action.operation_type()),
        None => path,
    }
}

#[component]
pub fn ActivityLogPage() -> impl IntoView {
    let app = use_app();
    let m = app.texts::<ActivityTexts>();
    set_title(app, m.activity_log);
    let today = BrowserClock.now().date();
    // Default range: the last month.
    let from = RwSignal::new(Some(today - Duration::days(30)));
    let to = RwSignal::new(Some(today));
    // The action shown, from the address; an unknown one shows every action.
    let query = use_query_map();
    let action = Memo::new(move |_| query.read().get("action").and_then(|a| ActivityAction::from_operation_type(&a)));
    let navigate = use_navigate();
    let choose_action = move |ev: leptos::ev::Event| {
        let chosen = ActivityAction::from_operation_type(&event_target_value(&ev));
        navigate(&path_for(chosen), NavigateOptions { replace: true, scroll: false, ..Default::default() });
    };
    provide_context(ReadKinds::ACTIVITY);
    let records = read_as_user(
        app,
        move || {
            from.track();
            to.track();
        },
        move |backend, caller| {
            let range = (from.get_untracked(), to.get_untracked());
            async move {
                match range {
                    (Some(from), Some(to)) if from <= to => backend.activity(&caller, from, to).await.map(Some),
                    _ => Ok(None),
                }
            }
        },
    );
    // `<input type="date">` reads and writes `YYYY-MM-DD`, and shows it as the browser's language does.
    let date_input = move |id: &'static str, label: &'static str, value: RwSignal<Option<Date>>| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input id=id type="date"
                    prop:value=move || value.get().map(format_date).unwrap_or_default()
                    on:change=move |ev| value.set(parse_date(&event_target_value(&ev)))/>
            </div>
        }
    };

    view! {
        <h1 class="page-title">{m.activity_log}</h1>
        <p class="hint">{m.activity_intro}</p>
        <div class="toolbar">
            {date_input("activity-from", m.from_date, from)}
            {date_input("activity-to", m.to_date, to)}
            <div class="field">
                <label for=ACTION_ID>{m.col_action}</label>
                <select id=ACTION_ID on:change=choose_action>
                    <option value="" prop:selected=move || action.get().is_none()>{m.all_actions}</option>
                    // Partner Center's own names, as the log shows them, in every language.
                    {ActivityAction::ALL.into_iter().map(|a| view! {
                        <option value=a.operation_type() lang="en" prop:selected=move || action.get() == Some(a)>
                            {a.partner_center_name()}
                        </option>
                    }).collect_view()}
                </select>
            </div>
        </div>
        <Transition fallback=Loading>
            {move || records.get().map(|read| match read {
                None => view! { <Loading/> }.into_any(),
                Some(Ok(None)) => view! { <ErrorText text=m.invalid_range/> }.into_any(),
                Some(Ok(Some(mut records))) => {
                    let chosen = action.get();
                    records.retain(|r| chosen.is_none_or(|a| r.action == a));
                    if !records.is_empty() {
                        view! { <ActivityTable records=records/> }.into_any()
                    } else if let Some(a) = chosen {
                        view! { <EmptyText text=fill(m.no_activity_of_action, &[("action", a.partner_center_name())])/> }.into_any()
                    } else {
                        view! { <EmptyText text=m.no_activity/> }.into_any()
                    }
                }
                Some(Err(error)) => backend_error(&error),
            })}
        </Transition>
    }
}

#[component]
fn ActivityTable(records: Vec<ActivityRecord>) -> impl IntoView {
    let app = use_app();
    let m = app.texts::<ActivityTexts>();
    let count = records.len();
    let rows = records
        .into_iter()
        .map(|r| {
            let details = details(m, &r);
            let by = r.by();
            view! {
                <tr>
                    <td class="nowrap">{m.date_time(r.at)}</td>
                    <td><a href=app.href(&AppRoute::Account(r.customer_id))>{r.customer_name}</a></td>
                    <td>
                        // Partner Center's own name of the action, in every language.
                        <div lang="en">{r.action.partner_center_name()}</div>
                        <div class="secondary">{m.action_explained(r.action)}</div>
                    </td>
                    <td>{by.map(|by| view! { <ActingUser by=by show_sign_in_name=true/> })}</td>
                    <td>{details}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="count">{m.plural(m.activity_count, count)}</p>
        <div class="table-wrap">
            <table class="table" data-testid="activity-table">
                <TableHead columns=vec![m.col_date_time, m.col_affected_customer, m.col_action, m.col_activity_user, m.col_details]/>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// What the record changed: the permissions before and after, what an order bought and
/// what the partner is billed, or which role was given or removed, to whom and where.
fn details(m: &'static ActivityTexts, record: &ActivityRecord) -> AnyView {
    match &record.detail {
        Some(ActivityDetail::Order { product, quantity, total, billing_cycle, .. }) => {
            let facts = fill(
                m.order_detail,
                &[
                    ("quantity", &m.number(*quantity as usize)),
                    ("total", &m.money(*total)),
                    ("billing", m.billing_cycle(*billing_cycle)),
                ],
            );
            view! {
                <div>{product.clone()}</div>
                <div class="secondary">{facts}</div>
            }
            .into_any()
        }
        Some(ActivityDetail::RoleAssignment { role, principal_name, azure_subscription_id, .. }) => {
            let text = fill(
                m.role_detail,
                &[("role", m.azure_role(*role)), ("user", principal_name), ("subscription", &azure_subscription_id.to_string())],
            );
            view! { <div class="secondary">{text}</div> }.into_any()
        }
        Some(ActivityDetail::Return { name, quantity_before, quantity_after, refund, .. }) => {
            let text = fill(
                m.return_detail,
                &[
                    ("name", name),
                    ("before", &m.number(*quantity_before as usize)),
                    ("after", &m.number(*quantity_after as usize)),
                    ("refund", &m.money(*refund)),
                ],
            );
            view! { <div class="secondary">{text}</div> }.into_any()
        }
        Some(ActivityDetail::Exchange { name, quantity_returned, returned_value, product, quantity, total, .. }) => {
            let text = fill(
                m.exchange_detail,
                &[
                    ("name", name),
                    ("returned", &m.number(*quantity_returned as usize)),
                    ("value", &m.money(*returned_value)),
                    ("product", product),
                    ("quantity", &m.number(*quantity as usize)),
                    ("total", &m.money(*total)),
                ],
            );
            view! { <div class="secondary">{text}</div> }.into_any()
        }
        Some(ActivityDetail::Settings { name_before, name_after, renew_before, renew_after, .. }) => {
            let on_off = |on: bool| if on { m.on } else { m.off };
            let text = fill(
                m.settings_detail,
                &[
                    ("name_before", name_before),
                    ("name_after", name_after),
                    ("renew_before", on_off(*renew_before)),
                    ("renew_after", on_off(*renew_after)),
                ],
            );
            view! { <div class="secondary">{text}</div> }.into_any()
        }
        None if record.action.is_permissions() => {
            let text = fill(
                m.change_details,
                &[("before", &m.permission_list(&record.old_value)), ("after", &m.permission_list(&record.new_value))],
            );
            view! { <div class="secondary">{text}</div> }.into_any()
        }
        None => ().into_any(),
    }
}
