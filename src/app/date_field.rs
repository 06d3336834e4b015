//! A date in three parts, day, month and year, shown in the Buddhist Era in
//! Thai and the Common Era in English, and stored as ISO 8601.

use eservice_core::form::Field;
use eservice_core::thai_date::{month_name, DateParts};
use eservice_core::Lang;
use serde_json::Value;
use web_sys::Event;

use super::field::{described_by, error_node, field_class, field_id, focus_stays_within, help_node, label_nodes, target_value, FieldEnv};
use crate::i18n;
use crate::vdom::{el, Elem};

/// The date field: day and month chosen, the year typed.
pub fn date_view(field: &Field, env: &FieldEnv) -> Elem {
    let lang = env.lang;
    let id = field_id(&field.pointer);
    let stored = Field::display(env.value);
    let parts = DateParts::parse(&stored);
    let (help_id, error_id, described) = described_by(field, env, &id);
    let invalid = env.error.as_ref().map(|_| "true");

    // Each part edits the stored date; a part cleared stays cleared. The
    // date is left (and its problem shown) when focus leaves all three parts.
    let edit = |change: fn(DateParts, &str, Lang) -> DateParts| {
        let (p, on_input, stored) = (field.pointer.clone(), env.on_input.clone(), stored.clone());
        move |e: &Event| {
            let next = change(DateParts::parse(&stored), &target_value(e), lang);
            on_input(p.clone(), next.to_stored().map(Value::String));
        }
    };
    let on_leave = {
        let (p, on_blur) = (field.pointer.clone(), env.on_blur.clone());
        move |e: &Event| {
            if !focus_stays_within(e, "fieldset") {
                on_blur(p.clone());
            }
        }
    };
    let year_text = parts.shown_year(lang);
    let blank = |none: bool| el("option").attr("value", "").selected(none).text("—");
    let choice = |n: u32, label: &str, on: bool| el("option").attr("value", &n.to_string()).selected(on).text(label).into();
    let part = |class: &'static str, label: &str, input: Elem| el("label").attr("class", class).child(el("span").text(label)).child(input);
    el("fieldset")
        .attr("class", &field_class("field field-date", env.error.as_deref()))
        .attr_opt("aria-describedby", described.as_deref())
        .on("focusout", on_leave)
        .child(el("legend").children(label_nodes(field.label.get(lang), field.required, lang)))
        .child(help_node(field, lang, Some(&help_id)))
        .child(
            el("div")
                .attr("class", "date-parts")
                .child(part(
                    "date-part",
                    lang.pick("วันที่", "Day"),
                    el("select")
                        .attr("id", &id)
                        .attr_opt("aria-invalid", invalid)
                        .attr_opt("aria-describedby", described.as_deref())
                        .flag("disabled", field.read_only)
                        .on("change", edit(|d, v, _| DateParts { day: v.parse().ok(), ..d }))
                        .child(blank(parts.day.is_none()))
                        .children((1..=31u32).map(|d| choice(d, &d.to_string(), parts.day == Some(d)))),
                ))
                .child(part(
                    "date-part date-month",
                    lang.pick("เดือน", "Month"),
                    el("select")
                        .attr("id", &format!("{id}-month"))
                        .flag("disabled", field.read_only)
                        .on("change", edit(|d, v, _| DateParts { month: v.parse().ok(), ..d }))
                        .child(blank(parts.month.is_none()))
                        .children((1..=12u32).map(|m| choice(m, month_name(m, lang), parts.month == Some(m)))),
                ))
                .child(part(
                    "date-part",
                    lang.pick("ปี (พ.ศ.)", "Year"),
                    el("input")
                        .attr("id", &format!("{id}-year"))
                        .attr("type", "text")
                        .attr("inputmode", "numeric")
                        .attr("maxlength", "4")
                        .flag("readonly", field.read_only)
                        .attr("placeholder", lang.pick("2569", "2026"))
                        .value(&year_text)
                        .on("input", edit(|d, v, lang| d.with_shown_year(v, lang))),
                )),
        )
        .child(error_node(env.error.as_deref(), &error_id))
        .child(el("span").attr("class", "visually-hidden").text(i18n::DATE_HINT.get(lang)))
}
