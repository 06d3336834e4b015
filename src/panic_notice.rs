//! A last line of defence: if the app ever panics, the citizen sees a notice
//! in both languages instead of a frozen or blank page.

/// Installs the notice as the panic hook, through Yew: a hook set with
/// `std::panic::set_hook` would be replaced by Yew's own (which only logs)
/// as soon as the first app is rendered.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("eservice-kit: {info}").into());
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        let Some(body) = doc.body() else { return };
        let notice = doc.create_element("div").ok();
        if let Some(n) = notice {
            n.set_attribute("role", "alert").ok();
            n.set_class_name("fatal");
            n.set_text_content(Some(
                "เกิดข้อผิดพลาดภายในโปรแกรม โปรดโหลดหน้านี้ใหม่ / \
                 Something went wrong inside the app. Please reload this page.",
            ));
            body.prepend_with_node_1(&n).ok();
        }
    }));
}
