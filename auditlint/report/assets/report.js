// auditlint HTML report: severity filters, and flash the highlight a finding's link leads to.
(function () {
  document.querySelectorAll(".filters input[data-sev]").forEach(function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + box.dataset.sev, !box.checked);
    });
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#f']");
    if (!link) return;
    var mark = document.getElementById(link.getAttribute("href").slice(1));
    if (!mark) return;
    mark.classList.remove("flash");
    void mark.offsetWidth; // restart the animation when the same link is clicked twice
    mark.classList.add("flash");
  });
})();
