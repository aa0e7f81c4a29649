// On phones and tablets Material opens the navigation drawer and search with <label>s for hidden checkboxes,
// which a keyboard cannot reach. This makes those header labels buttons: focusable, named, pressed with Enter
// or Space. Opening the drawer moves focus to its first link; Escape closes it and returns focus to its button.
// (course.css hides the closed drawer, so Tab no longer wanders through an off-screen menu.)
(function () {
  const drawer = document.getElementById("__drawer");
  const names = { __drawer: "Navigation", __search: "Search" };

  document.querySelectorAll('label.md-header__button[for="__drawer"], label.md-header__button[for="__search"]').forEach((label) => {
    label.setAttribute("role", "button");
    label.setAttribute("aria-label", names[label.htmlFor]);
    label.tabIndex = 0;
    label.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        label.click();
      }
    });
  });

  if (!drawer) return;
  const opener = document.querySelector('label.md-header__button[for="__drawer"]');
  drawer.addEventListener("change", () => {
    const firstLink = document.querySelector(".md-sidebar--primary a[href]");
    if (drawer.checked && firstLink) firstLink.focus();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && drawer.checked) {
      drawer.checked = false;
      if (opener) opener.focus();
    }
  });
})();
