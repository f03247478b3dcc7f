// Registers the service worker (D2) and tells the app when a new build is waiting.
// Kept outside the wasm bundle so registration starts before the app has loaded.
(function () {
  if (!("serviceWorker" in navigator)) return;
  var announce = function () {
    window.crossmeetUpdateReady = true;
    window.dispatchEvent(new Event("crossmeet-update-ready"));
  };
  window.crossmeetApplyUpdate = function () {
    navigator.serviceWorker.getRegistration().then(function (registration) {
      if (registration && registration.waiting) {
        registration.waiting.postMessage("skip-waiting");
      } else {
        location.reload();
      }
    });
  };
  var reloading = false;
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    // Only reload when an update replaced a running worker, not on the very first install.
    if (window.crossmeetUpdateReady && !reloading) {
      reloading = true;
      location.reload();
    }
  });
  window.addEventListener("load", function () {
    navigator.serviceWorker.register("sw.js").then(function (registration) {
      if (registration.waiting && navigator.serviceWorker.controller) announce();
      registration.addEventListener("updatefound", function () {
        var worker = registration.installing;
        if (!worker) return;
        worker.addEventListener("statechange", function () {
          if (worker.state === "installed" && navigator.serviceWorker.controller) announce();
        });
      });
    }).catch(function (error) {
      console.warn("CrossMeet: offline support unavailable:", error);
    });
  });
})();
