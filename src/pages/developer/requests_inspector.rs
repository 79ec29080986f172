//! Developer › Requests inspector: every request the mock API served, newest first (the last
//! 200 that match the filters), a detail view with both bodies laid out to be read, and the
//! fault rules in force. It follows new requests as they are served (read again every 1.5 s
//! while the page is open).

use api_types::stand_in::{JournalEntry, JournalQuery};
use leptos::prelude::*;

use super::fault_rules::FaultRules;
use super::{pretty, METHODS};
use crate::app_state::{set_title, use_app};
use crate::backend::BackendKind;
use crate::components::status_text::{backend_error, EmptyText, Loading, TableHead};
use crate::i18n::{fill, DeveloperTexts};
use crate::pages::read_as_user;

/// How many of the newest requests the page shows, and how often it reads again.
const SHOWN: u32 = 200;
const EVERY_MS: u32 = 1500;

#[component]
pub fn RequestsInspector() -> impl IntoView {
    let app = use_app();
    let m = app.texts::<DeveloperTexts>();
    set_title(app, m.inspector_title);
    if !matches!(app.core().kind(), BackendKind::MockApi(_)) {
        return view! {
            <h1 class="page-title">{m.inspector_title}</h1>
            <p class="hint" data-testid="inspector-embedded">{m.inspector_embedded}</p>
        }
        .into_any();
    }
    let (method, path, status, caller) = (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let tick = RwSignal::new(0_u32);
    leptos::task::spawn_local(async move {
        loop {
            crate::browser_events::sleep(EVERY_MS).await;
            // The page is gone: stop.
            if tick.try_update(|n| *n += 1).is_none() {
                break;
            }
        }
    });
    let served = read_as_user(
        app,
        move || {
            tick.track();
            method.track();
            path.track();
            status.track();
            caller.track();
        },
        move |backend, signed_in| {
            let given = |text: String| Some(text.trim().to_string()).filter(|t| !t.is_empty());
            let query = JournalQuery {
                method: given(method.get_untracked()),
                path: given(path.get_untracked()),
                status: status.get_untracked().trim().parse().ok(),
                caller: given(caller.get_untracked()),
                limit: Some(SHOWN),
                ..JournalQuery::default()
            };
            async move { backend.served_requests(&signed_in, query).await }
        },
    );
    let selected = RwSignal::new(None::<JournalEntry>);
    let text_filter = move |id: &'static str, label: &'static str, value: RwSignal<String>| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input id=id type="text" prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
            </div>
        }
    };
    view! {
        <h1 class="page-title">{m.inspector_title}</h1>
        <p class="hint">{m.inspector_intro}</p>
        <p class="hint">{m.following_live}</p>
        <div class="filters" role="search">
            <div class="field">
                <label for="inspector-method">{m.filter_method}</label>
                <select id="inspector-method" prop:value=move || method.get() on:change=move |ev| method.set(event_target_value(&ev))>
                    <option value="">{m.any_method}</option>
                    {METHODS.map(|verb| view! { <option value=verb>{verb}</option> }).collect_view()}
                </select>
            </div>
            {text_filter("inspector-path", m.filter_path, path)}
            {text_filter("inspector-status", m.filter_status, status)}
            {text_filter("inspector-caller", m.filter_caller, caller)}
        </div>
        <Transition fallback=Loading>
            {move || served.get().map(|read| match read {
                None => view! { <Loading/> }.into_any(),
                Some(Ok(entries)) if entries.is_empty() => view! { <EmptyText text=m.no_requests_served/> }.into_any(),
                Some(Ok(entries)) => view! { <ServedTable entries=entries selected=selected/> }.into_any(),
                Some(Err(error)) => backend_error(&error),
            })}
        </Transition>
        {move || selected.get().map(|entry| view! { <Details entry=entry close=Callback::new(move |()| selected.set(None))/> })}
        <FaultRules tick=tick/>
    }
    .into_any()
}

#[component]
fn ServedTable(entries: Vec<JournalEntry>, selected: RwSignal<Option<JournalEntry>>) -> impl IntoView {
    let app = use_app();
    let m = app.texts::<DeveloperTexts>();
    let rows = entries
        .into_iter()
        .map(|entry| {
            let label = fill(m.show_details, &[("request", &format!("{} {}", entry.method, entry.path))]);
            let ms = format!("{:.1}", entry.duration_ms);
            let status_class = if entry.status >= 400 { "status-failed" } else { "" };
            view! {
                <tr>
                    <td class="nowrap mono">{entry.at.clone()}</td>
                    <td class="mono">{entry.method.clone()}</td>
                    <td class="mono break">{entry.path.clone()}</td>
                    <td class=status_class>{entry.status}</td>
                    <td class="nowrap">{fill(m.duration_ms, &[("ms", &ms)])}</td>
                    <td class="caller">{entry.caller.clone().unwrap_or_default()}</td>
                    <td>{entry.fault.is_some().then_some(m.injected)}</td>
                    <td>
                        <button type="button" class="button button-small" aria-label=label
                            on:click={
                                let entry = entry.clone();
                                move |_| selected.set(Some(entry.clone()))
                            }>{m.details_title}</button>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=m.inspector_title>
            <table class="table" data-testid="served-requests">
                <TableHead columns=vec![m.col_time, m.col_method, m.col_path, m.col_status, m.col_duration, m.col_caller, m.col_fault, m.details_title]/>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// One request, in full: its ids and both bodies, laid out to be read.
#[component]
fn Details(entry: JournalEntry, close: Callback<()>) -> impl IntoView {
    let m = use_app().texts::<DeveloperTexts>();
    let body = |text: &Option<String>| match text {
        Some(text) => view! { <pre class="code-block">{pretty(text)}</pre> }.into_any(),
        None => view! { <p class="hint">{m.no_body}</p> }.into_any(),
    };
    let none = || m.no_body.to_string();
    view! {
        <section class="details-panel" aria-labelledby="request-details-title" data-testid="request-details">
            <h2 id="request-details-title" class="section-title">{m.details_title}": "{entry.method.clone()}" "{entry.path.clone()}</h2>
            <dl class="facts">
                <dt>{m.col_status}</dt><dd>{entry.status}</dd>
                <dt>{m.request_id}</dt><dd class="mono">{entry.request_id.clone().unwrap_or_else(none)}</dd>
                <dt>{m.correlation_id}</dt><dd class="mono">{entry.correlation_id.clone().unwrap_or_else(none)}</dd>
                <dt>{m.col_fault}</dt><dd class="mono">{entry.fault.as_ref().map(|f| super::as_json(f)).unwrap_or_else(none)}</dd>
            </dl>
            <h3 class="subsection-title">{m.request_body}</h3>
            {body(&entry.request_body)}
            <h3 class="subsection-title">{m.response_body}</h3>
            {body(&entry.response_body)}
            <button type="button" class="button" on:click=move |_| close.run(())>{m.close_details}</button>
        </section>
    }
}
