/*
 * The one place the course talks to a learning platform: SCORM 1.2, SCORM 2004 or cmi5.
 *
 * Only the course packages load this script (macros/outputs/course_package.py); the launch page's
 * <body data-lms="scorm12|scorm2004|cmi5" data-mastery-score="80"> says which standard. The course's
 * own scripts never call an LMS: they fire events on `document` (course:module-read,
 * course:item-answered, course:final-submitted, course:progress-changed) and keep their progress in
 * window.CourseProgress. This adapter listens and reports, in the manner of Adapt's SCORM extension,
 * so the course works the same with no LMS at all.
 *
 * It also shows one part of the course at a time (the part in the address's #fragment): the part
 * shown is the bookmark.
 *
 * What it reports: completion (every module read and the final attempted), success and score
 * (from the final, against the LMS's mastery score or else ours), one interaction per answer,
 * the bookmark, the session time, and the progress store's snapshot in suspend_data.
 * A commit that fails is retried, and nothing is dropped meanwhile: the values stay set in the
 * LMS's runtime and in the progress store. Commits wait for a quiet moment, never inside an event
 * handler, so a slow LMS does not hold up the page; on pagehide and when the page is hidden the
 * adapter commits at once, and it finishes the session exactly once.
 */
(function () {
  "use strict";

  var body = document.body;
  var standard = body.getAttribute("data-lms");
  var ourMasteryScore = Number(body.getAttribute("data-mastery-score")) / 100;
  var parts = Array.prototype.slice.call(document.querySelectorAll(".lms-part"));
  var modules = parts.map(function (part) { return part.getAttribute("data-module"); }).filter(Boolean);
  var statusLine = document.querySelector(".lms-status");
  var startedAt = Date.now();
  // What the adapter keeps itself, beside the progress store: modules read and the final's result.
  var state = { read: [], final: null };
  var SUSPEND_LIMIT_12 = 4096;
  var COMMIT_DELAY = 2000;
  var RETRY_DELAYS = [1000, 2000, 4000, 8000, 16000];

  function say(text) {
    if (statusLine) statusLine.textContent = text;
  }

  function progressStore() {
    return window.CourseProgress && typeof window.CourseProgress.snapshot === "function" ? window.CourseProgress : null;
  }

  /* ---- Showing one part at a time; the part shown is the bookmark ---- */

  function partHolding(id) {
    var target = id ? document.getElementById(id) : null;
    return target ? parts.filter(function (part) { return part.contains(target); })[0] || null : null;
  }

  function show(part, target) {
    parts.forEach(function (each) { each.hidden = each !== part; });
    Array.prototype.forEach.call(document.querySelectorAll(".lms-parts a"), function (link) {
      if (link.getAttribute("href") === "#" + part.id) link.setAttribute("aria-current", "true");
      else link.removeAttribute("aria-current");
    });
    if (target && target !== part) target.scrollIntoView();
    else window.scrollTo(0, 0);
    backend.bookmark(part.id);
  }

  function showFromAddress() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var part = partHolding(id);
    if (part) show(part, document.getElementById(id));
  }

  /* ---- What the course has done, as the LMS sees it ---- */

  function completed() {
    return state.final !== null && modules.every(function (module) { return state.read.indexOf(module) !== -1; });
  }

  function suspendData() {
    var store = progressStore();
    return JSON.stringify({ v: 1, read: state.read, final: state.final, progress: store ? store.snapshot() : null });
  }

  function restoreSuspendData(text) {
    if (!text) return;
    try {
      var saved = JSON.parse(text);
      if (!saved || saved.v !== 1) return;
      state.read = Array.isArray(saved.read) ? saved.read : [];
      state.final = saved.final || null;
      var store = progressStore();
      if (store && saved.progress) store.restore(saved.progress);
    } catch (error) {
      // Suspend data from another version of the course: start afresh rather than fail.
    }
  }

  function passedAgainst(masteryScore, final) {
    return isFinite(masteryScore) && masteryScore !== null ? final.scaled >= masteryScore : final.passed;
  }

  /* ---- SCORM 1.2 and 2004: one runtime API object found in a parent or opener window ---- */

  function findApi(name) {
    function search(win) {
      for (var depth = 0; win && depth < 500; depth += 1) {
        try {
          if (win[name]) return win[name];
        } catch (error) {
          return null; // a parent on another origin: the API cannot be there for us.
        }
        if (win.parent === win) break;
        win = win.parent;
      }
      return null;
    }
    return search(window) || (window.opener ? search(window.opener) : null);
  }

  function scormBackend(api, version12) {
    var names = version12 ? {
      initialize: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit", finish: "LMSFinish",
      location: "cmi.core.lesson_location", entry: "cmi.core.entry", exit: "cmi.core.exit",
      sessionTime: "cmi.core.session_time", mastery: "cmi.student_data.mastery_score", mode: "cmi.core.lesson_mode",
    } : {
      initialize: "Initialize", get: "GetValue", set: "SetValue", commit: "Commit", finish: "Terminate",
      location: "cmi.location", entry: "cmi.entry", exit: "cmi.exit",
      sessionTime: "cmi.session_time", mastery: "cmi.scaled_passing_score", mode: "cmi.mode",
    };
    var finished = false;
    var commitTimer = null;
    var retries = 0;

    function call(method) {
      try {
        return String(api[method].apply(api, Array.prototype.slice.call(arguments, 1)));
      } catch (error) {
        return "false";
      }
    }
    function get(element) { return call(names.get, element); }
    function set(element, value) { return call(names.set, element, String(value)) === "true"; }

    function commitNow() {
      clearTimeout(commitTimer);
      commitTimer = null;
      if (finished) return;
      if (call(names.commit, "") === "true") {
        retries = 0;
        return;
      }
      // The values are still set in the runtime and in the progress store: try again, later and later.
      var delay = RETRY_DELAYS[Math.min(retries, RETRY_DELAYS.length - 1)];
      retries += 1;
      commitTimer = setTimeout(commitNow, delay);
    }
    // One commit waits at a time, two seconds after the change that asked for it, so that a burst of
    // answers makes one commit; a retry that is waiting carries the newer values too.
    function commitSoon() {
      if (finished || commitTimer) return;
      commitTimer = setTimeout(commitNow, COMMIT_DELAY);
    }

    function timespan(milliseconds) {
      var seconds = Math.round(milliseconds / 1000);
      if (!version12) return "PT" + seconds + "S";
      function two(n) { return (n < 10 ? "0" : "") + n; }
      return two(Math.floor(seconds / 3600)) + ":" + two(Math.floor(seconds / 60) % 60) + ":" + two(seconds % 60);
    }

    function interactionType(kind) {
      if (kind === "true_false") return "true-false";
      if (kind === "matching") return "matching";
      return "choice";
    }
    function response(kind, item, value) {
      var pieces = String(value).split(",").filter(function (piece) { return piece !== ""; });
      if (kind === "true_false") {
        if (version12) return pieces[0] === "0" ? "t" : "f";
        return pieces[0] === "0" ? "true" : "false";
      }
      if (kind === "matching") {
        return pieces.map(function (pair) {
          var ends = pair.split(".");
          var premise = Number(ends[0]) + 1, choice = Number(ends[1]) + 1;
          return version12 ? premise + "." + String.fromCharCode(96 + choice) : "p" + premise + "[.]c" + choice;
        }).join(version12 ? "," : "[,]");
      }
      return pieces.map(function (index) {
        return version12 ? String.fromCharCode(97 + Number(index)) : item + "-" + (Number(index) + 1);
      }).join(version12 ? "," : "[,]");
    }

    function reportStatus() {
      if (version12) {
        var status = "incomplete";
        if (completed()) status = passedAgainst(masteryScore(), state.final) ? "passed" : "failed";
        set("cmi.core.lesson_status", status);
        return;
      }
      set("cmi.completion_status", completed() ? "completed" : "incomplete");
      set("cmi.progress_measure", ((state.read.length + (state.final ? 1 : 0)) / (modules.length + 1)).toFixed(2));
      if (state.final) set("cmi.success_status", passedAgainst(masteryScore(), state.final) ? "passed" : "failed");
    }

    function masteryScore() {
      var value = get(names.mastery);
      if (value === "" || isNaN(Number(value))) return ourMasteryScore;
      return version12 ? Number(value) / 100 : Number(value);
    }

    return {
      start: function () {
        if (call(names.initialize, "") !== "true") return false;
        if (get(names.entry) === "resume") restoreSuspendData(get("cmi.suspend_data"));
        if (version12 && get("cmi.core.lesson_status") === "not attempted") set("cmi.core.lesson_status", "incomplete");
        if (!version12 && get("cmi.completion_status") === "unknown") set("cmi.completion_status", "incomplete");
        // The next launch resumes where this one stopped.
        set(names.exit, "suspend");
        return get(names.location) || true;
      },
      bookmark: function (partId) {
        set(names.location, partId);
        commitSoon();
      },
      save: function () {
        var data = suspendData();
        if (version12 && data.length > SUSPEND_LIMIT_12) {
          // Too long for SCORM 1.2: keep what the adapter needs and let the progress store's own copy serve.
          data = JSON.stringify({ v: 1, read: state.read, final: state.final, progress: null });
        }
        set("cmi.suspend_data", data);
        reportStatus();
        commitSoon();
      },
      answered: function (detail) {
        var n = Number(get("cmi.interactions._count")) || 0;
        var prefix = "cmi.interactions." + n + ".";
        set(prefix + "id", detail.item);
        set(prefix + "type", interactionType(detail.kind));
        if (detail.objective) set(prefix + "objectives.0.id", detail.objective);
        set(prefix + (version12 ? "student_response" : "learner_response"), response(detail.kind, detail.item, detail.response));
        set(prefix + "result", detail.correct ? "correct" : (version12 ? "wrong" : "incorrect"));
        commitSoon();
      },
      scored: function (final) {
        if (version12) {
          set("cmi.core.score.min", 0);
          set("cmi.core.score.max", 100);
          set("cmi.core.score.raw", Math.round(final.scaled * 100));
        } else {
          set("cmi.score.min", 0);
          set("cmi.score.max", final.max);
          set("cmi.score.raw", final.score);
          set("cmi.score.scaled", Number(final.scaled).toFixed(4));
        }
      },
      flush: commitNow,
      finish: function () {
        if (finished) return;
        set(names.sessionTime, timespan(Date.now() - startedAt));
        commitNow();
        finished = true;
        call(names.finish, "");
      },
    };
  }

  /* ---- cmi5: the vendored @xapi/cmi5 client reads the launch parameters and fetches the token ---- */

  function cmi5Backend() {
    var Cmi5 = window.Cmi5 && (window.Cmi5.default || window.Cmi5);
    if (!Cmi5 || !Cmi5.isCmiAvailable) return null;
    var client = Cmi5.instance;
    var queue = null;
    var sent = { completed: false, passed: false, terminated: false };
    var normal = true;
    var masteryScore = ourMasteryScore;

    // Statements go out one after another, in the order the course produced them, never blocking the page.
    var unreachable = false;
    function then(step) {
      queue = queue.then(function () { return unreachable ? null : step(); })
        .catch(function () { /* a statement the LRS refused: the LMS marks an unfinished session abandoned */ });
    }

    return {
      start: function () {
        queue = client.initialize().then(function () {
          var launch = client.getLaunchData();
          normal = !launch.launchMode || launch.launchMode === "Normal";
          if (typeof launch.masteryScore === "number") masteryScore = launch.masteryScore;
        }, function () {
          unreachable = true;
          say("The learning platform could not be reached: the course works, but your progress will not be recorded.");
        });
        return true;
      },
      bookmark: function () {},
      save: function () {
        if (completed() && !sent.completed) {
          sent.completed = true;
          then(function () { if (normal) return client.complete(); });
        }
      },
      answered: function (detail) {
        var activity = client.getLaunchParameters().activityId;
        then(function () {
          return client.interaction(detail.context || "course", detail.item, String(detail.response),
            { type: "http://adlnet.gov/expapi/activities/cmi.interaction",
              interactionType: detail.kind === "true_false" ? "true-false" : (detail.kind === "matching" ? "matching" : "choice") },
            Boolean(detail.correct), undefined,
            detail.objective ? { objectType: "Activity", id: activity + "/objectives/" + encodeURIComponent(detail.objective) } : undefined);
        });
      },
      // cmi5 allows one "passed" per registration, and a "failed" for every attempt that fails before it.
      scored: function (final) {
        if (sent.passed) return;
        var score = { scaled: Number(Number(final.scaled).toFixed(4)), raw: final.score, min: 0, max: final.max };
        var passed = passedAgainst(masteryScore, final);
        sent.passed = passed;
        then(function () {
          if (!normal) return;
          return passed ? client.pass(score) : client.fail(score);
        });
      },
      flush: function () {},
      finish: function () {
        if (sent.terminated) return;
        sent.terminated = true;
        then(function () { return client.terminate(); });
      },
    };
  }

  function noBackend() {
    return { start: function () { return false; }, bookmark: function () {}, save: function () {},
      answered: function () {}, scored: function () {}, flush: function () {}, finish: function () {} };
  }

  /* ---- Wiring: pick the standard, listen to the course, commit when the page goes away ---- */

  function chooseBackend() {
    if (standard === "scorm12") {
      var api12 = findApi("API");
      return api12 ? scormBackend(api12, true) : null;
    }
    if (standard === "scorm2004") {
      var api2004 = findApi("API_1484_11");
      return api2004 ? scormBackend(api2004, false) : null;
    }
    if (standard === "cmi5") return cmi5Backend();
    return null;
  }

  var backend = chooseBackend() || noBackend();
  var started = backend.start();
  if (!started) {
    backend = noBackend();
    say("No learning platform was found: the course works, but your progress will not be recorded by a platform.");
  }

  document.addEventListener("course:module-read", function (event) {
    var module = event.detail && event.detail.module;
    if (module && state.read.indexOf(module) === -1) {
      state.read.push(module);
      backend.save();
    }
  });
  document.addEventListener("course:item-answered", function (event) {
    if (event.detail && event.detail.item) backend.answered(event.detail);
  });
  document.addEventListener("course:final-submitted", function (event) {
    var detail = event.detail || {};
    state.final = { score: detail.score, max: detail.max, scaled: detail.scaled, passed: Boolean(detail.passed) };
    backend.scored(state.final);
    backend.save();
  });
  document.addEventListener("course:progress-changed", function () { backend.save(); });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") backend.flush();
  });
  window.addEventListener("pagehide", function () { backend.finish(); });
  window.addEventListener("hashchange", showFromAddress);

  var bookmark = typeof started === "string" ? started : "";
  var first = partHolding(decodeURIComponent(window.location.hash.slice(1))) || partHolding(bookmark) || parts[0];
  if (first) show(first, document.getElementById(decodeURIComponent(window.location.hash.slice(1))));
}());
