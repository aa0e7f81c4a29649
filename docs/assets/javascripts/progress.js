/*
 * The learner's progress in this browser: window.CourseProgress.
 *
 * One versioned localStorage entry holds everything, so a learner can clear it in one go and an LMS
 * adapter can save and restore it whole (snapshot() / restore(), kept small for SCORM 1.2's 4,096
 * characters of suspend_data). Where storage is denied (private windows, sandboxed frames) the store
 * keeps its data in memory for this page and says so through `persistent`.
 *
 * Shape (short keys, because of that limit):
 *   a: {itemId: response}   answers to the module self-checks and the checks within the text
 *   r: {moduleId: 1}        modules read to the end (the key points came into view)
 *   l: moduleId             the module page opened last, for "continue where you left off"
 *   p: {s, m, by}           the pre-test result: score, max, and [right, asked] by module
 *   f: {n, s, m, by}        the final: attempts started, and the latest submitted result
 * A response is a string: option numbers joined by "," or "premise.choice" pairs joined by ",".
 *
 * Every change dispatches `course:progress-changed` on document (the course's event contract).
 */
(function () {
  "use strict";

  var KEY = "leading-and-managing:progress:v2";
  var OLD_KEY = "leading-and-managing:quiz:v1";  // before v2: self-check answers only, {itemId: "option"}
  var data = empty();
  var persistent = true;

  function empty() {
    return { v: 2, a: {}, r: {}, l: "", p: null, f: { n: 0 } };
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  // Keeps only what this version understands, so a damaged or foreign entry cannot break the pages.
  function clean(value) {
    var result = empty();
    if (!isObject(value) || value.v !== 2) return result;
    if (isObject(value.a)) {
      Object.keys(value.a).forEach(function (id) {
        if (typeof value.a[id] === "string" && /^[\d.,]*$/.test(value.a[id])) result.a[id] = value.a[id];
      });
    }
    if (isObject(value.r)) Object.keys(value.r).forEach(function (id) { if (value.r[id]) result.r[id] = 1; });
    if (typeof value.l === "string") result.l = value.l;
    if (isObject(value.p) && typeof value.p.s === "number") result.p = value.p;
    if (isObject(value.f) && typeof value.f.n === "number") result.f = value.f;
    return result;
  }

  // A learner's answers from before v2 become v2 answers once, then the old entry goes.
  function migrate() {
    var old = JSON.parse(window.localStorage.getItem(OLD_KEY) || "null");
    var answers = {};
    if (isObject(old)) Object.keys(old).forEach(function (id) { answers[id] = String(old[id]); });
    var migrated = clean({ v: 2, a: answers, r: {}, l: "", p: null, f: { n: 0 } });
    window.localStorage.setItem(KEY, JSON.stringify(migrated));
    window.localStorage.removeItem(OLD_KEY);
    return migrated;
  }

  function load() {
    try {
      var saved = window.localStorage.getItem(KEY);
      data = clean(saved === null && window.localStorage.getItem(OLD_KEY) !== null ? migrate() : JSON.parse(saved));
      persistent = true;
    } catch (error) {
      persistent = false;
    }
  }

  function save() {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(data));
      persistent = true;
    } catch (error) {
      persistent = false;
    }
    document.dispatchEvent(new CustomEvent("course:progress-changed", { detail: {} }));
  }

  function change(update) {
    load();
    update(data);
    save();
  }

  load();

  window.CourseProgress = {
    get persistent() { return persistent; },
    /* The whole store as plain JSON, for an LMS to keep. */
    snapshot: function () { load(); return JSON.parse(JSON.stringify(data)); },
    /* Replaces the store with a snapshot (an LMS's saved copy); anything unknown is dropped. */
    restore: function (saved) { data = clean(saved); save(); },
    answers: function () { load(); return data.a; },
    answer: function (item, response) {
      change(function (d) { if (response === null) delete d.a[item]; else d.a[item] = response; });
    },
    forget: function (items) { change(function (d) { items.forEach(function (id) { delete d.a[id]; }); }); },
    read: function () { load(); return data.r; },
    markRead: function (module) { change(function (d) { d.r[module] = 1; }); },
    lastModule: function () { load(); return data.l; },
    visit: function (module) { change(function (d) { d.l = module; }); },
    pretest: function () { load(); return data.p; },
    setPretest: function (result) { change(function (d) { d.p = result; }); },
    final: function () { load(); return data.f; },
    startAttempt: function () {
      var number = 0;
      change(function (d) { d.f.n = (d.f.n || 0) + 1; number = d.f.n; });
      return number;
    },
    setFinal: function (result) { change(function (d) { d.f = Object.assign({ n: d.f.n }, result); }); },
    clear: function () { data = empty(); save(); }
  };
})();
