/*! Aduan widgets loader: defines <aduan-badge>, <aduan-form>, <aduan-leaderboard> and <aduan-tracker> and, only when such an element is on the page, loads the WASM bundle. */
// Hand-written and kept small: `cargo xtask build-widgets` fills in the
// content-hashed bundle names below, drops the `//` comment lines and
// indentation, and writes the result to target/widgets/aduan.js.
(function () {
  "use strict";
  if (!window.customElements || !window.WebAssembly) {
    return;
  }

  // document.currentScript is only set while this script first runs, also
  // with `async`: remember where it came from now.
  var script = document.currentScript;
  var here = script && script.src ? script.src : location.href;
  var origin = new URL(here).origin;
  var bundleJs = new URL("__ADUAN_BUNDLE_JS__", here).href;
  var bundleWasm = new URL("__ADUAN_BUNDLE_WASM__", here).href;

  // Each custom element: the bundle's entry point and the attributes whose
  // change mounts the widget again.
  var widgets = {
    "aduan-badge": { mount: "mountBadge", attributes: ["agency", "api", "lang", "period"] },
    "aduan-form": { mount: "mountForm", attributes: ["agency", "api", "lang", "kind", "track"] },
    "aduan-leaderboard": { mount: "mountLeaderboard", attributes: ["award", "category", "period", "api", "lang"] },
    "aduan-tracker": { mount: "mountTracker", attributes: ["ticket", "api", "lang"] }
  };

  var bundle = null;
  function load() {
    if (!bundle) {
      bundle = import(bundleJs).then(function (m) {
        return m.default({ module_or_path: bundleWasm }).then(function () {
          return m;
        });
      });
      // A failed load (offline, blocked) is tried again by the next element.
      bundle.catch(function (error) {
        bundle = null;
        console.error("Aduan: the widget bundle could not be loaded from " + bundleJs, error);
      });
    }
    return bundle;
  }

  // Without the bundle there is no core to word messages, so this one
  // sentence lives here, in the widget's language.
  function unavailable(element, root) {
    var lang = element.getAttribute("lang") || document.documentElement.lang || "";
    root.textContent = /^en\b/i.test(lang)
      ? "The Aduan widget could not be loaded. Reload the page to try again."
      : "Widget Aduan tidak dapat dimuat. Muat ulang halaman untuk mencoba lagi.";
  }

  function define(tag, spec) {
    if (customElements.get(tag)) {
      return;
    }
    class AduanWidget extends HTMLElement {
      static get observedAttributes() {
        return spec.attributes;
      }
      connectedCallback() {
        this._aduanRender();
      }
      disconnectedCallback() {
        this._aduanGeneration = (this._aduanGeneration || 0) + 1;
        this._aduanUnmount();
      }
      attributeChangedCallback() {
        // Attributes present at upgrade arrive before connectedCallback,
        // which renders them: only later changes render again.
        if (this.isConnected && this._aduanGeneration) {
          this._aduanRender();
        }
      }
      _aduanRender() {
        var element = this;
        var root = this.shadowRoot || this.attachShadow({ mode: "open" });
        // Only the newest render mounts: an element removed, or changed
        // again while the bundle loads, skips the older ones.
        var generation = (this._aduanGeneration = (this._aduanGeneration || 0) + 1);
        load().then(
          function (m) {
            if (generation !== element._aduanGeneration || !element.isConnected) {
              return;
            }
            element._aduanUnmount();
            try {
              element._aduanMounted = m[spec.mount](element, root, origin);
            } catch (error) {
              console.error("Aduan: <" + tag + "> could not be shown", error);
              unavailable(element, root);
            }
          },
          function () {
            if (generation === element._aduanGeneration) {
              unavailable(element, root);
            }
          }
        );
      }
      _aduanUnmount() {
        if (this._aduanMounted) {
          this._aduanMounted.unmount();
          this._aduanMounted = null;
        }
      }
    }
    customElements.define(tag, AduanWidget);
  }

  Object.keys(widgets).forEach(function (tag) {
    define(tag, widgets[tag]);
  });
})();
