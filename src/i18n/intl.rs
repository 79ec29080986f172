//! Numbers, dates, lists and plural forms as the language writes them, by the browser's own
//! `Intl` (no locale data in the Wasm): 1,000 and 11/25/2026 in English, 1.000 and
//! 25.11.2026 in German. Times are shown in UTC, as the Activity log says.

use std::cell::RefCell;

use js_sys::{Array, Function, Intl, Object, Reflect};
use time::{Date, OffsetDateTime};
use wasm_bindgen::JsValue;

use super::{fill, Lang, Plural};

/// The formatters of one language, made once.
struct Formatters {
    lang: Lang,
    number: Function,
    /// US dollars, to the cent ("$1,234.50" / "1.234,50 $").
    money: Function,
    /// US dollars to the tenth of a cent, for hourly commitments ("$0.125").
    fine_money: Function,
    date: Function,
    date_time: Function,
    plural: Intl::PluralRules,
    list: Intl::ListFormat,
}

thread_local! {
    static FORMATTERS: RefCell<Option<Formatters>> = const { RefCell::new(None) };
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    object
}

impl Formatters {
    fn new(lang: Lang) -> Self {
        let locales = Array::of1(&JsValue::from_str(lang.tag()));
        let date_options = [("timeZone", "UTC"), ("year", "numeric"), ("month", "2-digit"), ("day", "2-digit")];
        let time_options = [("hour", "2-digit"), ("minute", "2-digit"), ("second", "2-digit")];
        let with_time: Vec<(&str, &str)> = date_options.iter().chain(time_options.iter()).copied().collect();
        Self {
            lang,
            number: Intl::NumberFormat::new(&locales, &Object::new()).format(),
            money: Intl::NumberFormat::new(&locales, &options(&[("style", "currency"), ("currency", "USD")])).format(),
            fine_money: Intl::NumberFormat::new(
                &locales,
                &options(&[("style", "currency"), ("currency", "USD"), ("maximumFractionDigits", "3")]),
            )
            .format(),
            date: Intl::DateTimeFormat::new(&locales, &options(&date_options)).format(),
            date_time: Intl::DateTimeFormat::new(&locales, &options(&with_time)).format(),
            plural: Intl::PluralRules::new(&locales, &Object::new()),
            list: Intl::ListFormat::new(&locales, &options(&[("type", "conjunction")])),
        }
    }
}

/// Runs `use_them` with the formatters of `lang`, making them when the language changed.
fn with<T>(lang: Lang, use_them: impl FnOnce(&Formatters) -> T) -> T {
    FORMATTERS.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.as_ref().is_some_and(|f| f.lang != lang) {
            *cell = None;
        }
        use_them(cell.get_or_insert_with(|| Formatters::new(lang)))
    })
}

fn call(format: &Function, value: &JsValue) -> String {
    format.call1(&JsValue::NULL, value).ok().and_then(|s| s.as_string()).unwrap_or_default()
}

fn js_date(at: OffsetDateTime) -> JsValue {
    let millis = at.unix_timestamp() as f64 * 1000.0;
    js_sys::Date::new(&JsValue::from_f64(millis)).into()
}

/// `10000` → "10,000" / "10.000".
pub fn format_number(lang: Lang, n: usize) -> String {
    with(lang, |f| call(&f.number, &JsValue::from_f64(n as f64)))
}

/// An amount in US dollars, e.g. "$1,234.50" / "1.234,50 $"; `fine`: to the tenth of a
/// cent (hourly commitments, "$0.125").
pub fn format_money(lang: Lang, dollars: f64, fine: bool) -> String {
    with(lang, |f| call(if fine { &f.fine_money } else { &f.money }, &JsValue::from_f64(dollars)))
}

/// The date, e.g. "11/25/2026" / "25.11.2026".
pub fn format_date(lang: Lang, date: Date) -> String {
    with(lang, |f| call(&f.date, &js_date(date.midnight().assume_utc())))
}

/// The date and time in UTC, e.g. "11/25/2026, 02:03:09 PM" / "25.11.2026, 14:03:09".
pub fn format_date_time(lang: Lang, at: OffsetDateTime) -> String {
    with(lang, |f| call(&f.date_time, &js_date(at)))
}

/// "A, B, and C" / "A, B und C".
pub fn join_list(lang: Lang, items: &[String]) -> String {
    let array: Array = items.iter().map(|s| JsValue::from_str(s)).collect();
    with(lang, |f| f.list.format(&array).into())
}

/// The form of `plural` for `count`, with `{count}` filled in as the language writes it.
pub fn plural(lang: Lang, plural: Plural, count: usize) -> String {
    let (category, number) = with(lang, |f| (String::from(f.plural.select(count as f64)), call(&f.number, &JsValue::from_f64(count as f64))));
    let form = if category == "one" { plural.one } else { plural.other };
    fill(form, &[("count", &number)])
}
