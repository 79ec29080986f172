//! Settings › Activity log: who changed which customer's purchase permissions, and when.

use domain::dates::{format_date, format_date_time, parse_date};
use domain::{ActivityRecord, Clock};
use leptos::prelude::*;
use time::{Date, Duration};

use crate::app_route::AppRoute;
use crate::app_state::use_app;
use crate::backend::BrowserClock;
use crate::components::status_text::{backend_error, EmptyText, ErrorText, Loading, TableHead};
use crate::messages::{fill, t};

#[component]
pub fn ActivityLogPage() -> impl IntoView {
    let app = use_app();
    let m = t();
    let today = BrowserClock.now().date();
    // Default range: the last month.
    let from = RwSignal::new(Some(today - Duration::days(30)));
    let to = RwSignal::new(Some(today));
    let records = LocalResource::new(move || {
        let range = (from.get(), to.get());
        app.data_version.track();
        let backend = app.backend();
        async move {
            match range {
                (Some(from), Some(to)) if from <= to => Some(backend.activity(from, to).await),
                _ => None,
            }
        }
    });
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
        </div>
        <Transition fallback=Loading>
            {move || records.get().map(|result| match result {
                None => view! { <ErrorText text=m.invalid_range/> }.into_any(),
                Some(Err(error)) => backend_error(&error),
                Some(Ok(records)) if records.is_empty() => view! { <EmptyText text=m.no_activity/> }.into_any(),
                Some(Ok(records)) => view! { <ActivityTable records=records/> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn ActivityTable(records: Vec<ActivityRecord>) -> impl IntoView {
    let app = use_app();
    let m = t();
    let count = records.len();
    let rows = records
        .into_iter()
        .map(|r| {
            let user = app
                .users
                .with_untracked(|users| users.iter().find(|u| u.id == r.partner_user).map(|u| u.display_name.clone()));
            let details = fill(m.change_details, &[&m.permission_list(&r.old_value), &m.permission_list(&r.new_value)]);
            view! {
                <tr>
                    <td class="nowrap">{format_date_time(r.at)}</td>
                    <td><a href=app.href(&AppRoute::Account(r.customer_id))>{r.customer_name}</a></td>
                    <td>{m.action(r.action)}</td>
                    <td>
                        {user.map(|name| view! { <div>{name}</div> })}
                        <div class="secondary">{r.partner_user.to_string()}</div>
                    </td>
                    <td class="secondary">{details}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="count">{fill(m.activity_count, &[&count.to_string()])}</p>
        <div class="table-wrap">
            <table class="table" data-testid="activity-table">
                <TableHead columns=vec![m.col_date_time, m.col_affected_customer, m.col_action, m.col_partner_user, m.col_details]/>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
