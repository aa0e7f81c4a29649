/*
 * The pre-test, the final assessment, the progress page, and "read to the end" on module pages.
 *
 * Our own code because no quiz library we know of draws a reproducible set from our own item bank,
 * scores it per objective and keeps working without JavaScript (every question here is plain markup
 * with its answer folded under it; see macros/render/assessment.py).
 *
 * The final's draw is seeded with the attempt number and follows the steps of macros/draw.py exactly
 * (the same Mulberry32 generator), so a test can compute in Python which questions attempt n asks.
 * Events (the course's contract): `course:item-answered` for each question when a test is submitted,
 * `course:final-submitted` with the score, and `course:module-read` when a module's key points come
 * into view. Nothing here calls an LMS; an adapter may listen.
 */
(function () {
  "use strict";

  var store = window.CourseProgress;
  var quiz = window.CourseQuiz;

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  // --- The seeded draw (the same steps as macros/draw.py) --------------------------------------------

  function mulberry32(seed) {
    var state = seed >>> 0;
    return function () {
      state = (state + 0x6D2B79F5) >>> 0;
      var t = Math.imul(state ^ (state >>> 15), state | 1) >>> 0;
      t = ((t + Math.imul(t ^ (t >>> 7), t | 61)) >>> 0) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function shuffled(ids, seed) {
    var random = mulberry32(seed);
    var result = ids.slice();
    for (var index = result.length - 1; index > 0; index--) {
      var other = Math.floor(random() * (index + 1));
      var kept = result[index];
      result[index] = result[other];
      result[other] = kept;
    }
    return result;
  }

  /* pool: [{id, objective, module}] in bank order. Returns the ids of one attempt, in order. */
  function draw(pool, count, seed, avoid, modules) {
    var byId = {};
    pool.forEach(function (item) { byId[item.id] = item; });
    var order = shuffled(pool.map(function (item) { return item.id; }), seed);
    order = order.filter(function (id) { return avoid.indexOf(id) < 0; })
      .concat(order.filter(function (id) { return avoid.indexOf(id) >= 0; }));
    var chosen = [];
    var covered = {};
    order.forEach(function (id) {
      if (!covered[byId[id].objective]) {
        covered[byId[id].objective] = true;
        chosen.push(id);
      }
    });
    order.forEach(function (id) { if (chosen.indexOf(id) < 0) chosen.push(id); });
    var kept = chosen.slice(0, count);
    chosen = order.filter(function (id) { return kept.indexOf(id) >= 0; });
    var queues = modules.map(function (module) {
      return chosen.filter(function (id) { return byId[id].module === module; });
    });
    var result = [];
    while (queues.some(function (queue) { return queue.length; })) {
      queues.forEach(function (queue) { if (queue.length) result.push(queue.shift()); });
    }
    return result;
  }

  function attempt(pool, count, number, modules) {
    var previous = [];
    for (var seed = 1; seed <= number; seed++) previous = draw(pool, count, seed, previous, modules);
    return previous;
  }

  // --- Shared by the pre-test and the final -----------------------------------------------------------

  function legendNumber(item, number, total) {
    item.querySelector(".quiz-number").textContent = "Question " + number + " of " + total;
  }

  function beginAnswering(items) {
    items.forEach(function (item, index) {
      quiz.applyResponse(item, "");
      quiz.lock(item, "", false);
      item.querySelector(".quiz-answer").hidden = true;  // the answers open once the test is submitted
      item.querySelector(".quiz-answer").open = false;
      item.querySelector(".quiz-feedback").textContent = "";
      legendNumber(item, index + 1, items.length);
    });
  }

  /* Marks every question, shows its explanation, and returns per-question results. */
  function mark(items, context) {
    return items.map(function (item) {
      var response = quiz.responseOf(item);
      var right = quiz.isCorrect(item, response);
      quiz.lock(item, response, true);
      item.querySelector(".quiz-answer").hidden = false;
      var feedback = item.querySelector(".quiz-feedback");
      feedback.setAttribute("aria-live", "off");  // the summary is announced once, not every question
      feedback.textContent = response === "" ? "Not answered. Open the answer below to see why." :
        quiz.verdict(item, response);
      quiz.emit(item, response, context);
      return {
        item: item.getAttribute("data-item"), module: item.getAttribute("data-module"),
        objective: item.getAttribute("data-objective"), response: response, correct: right
      };
    });
  }

  function tally(results, key) {
    var by = {};
    results.forEach(function (result) {
      var entry = by[result[key]] || (by[result[key]] = [0, 0]);
      entry[0] += result.correct ? 1 : 0;
      entry[1] += 1;
    });
    return by;
  }

  function score(results) {
    return results.filter(function (result) { return result.correct; }).length;
  }

  function showResult(container, status, message) {
    var result = container.querySelector(".assessment-result");
    result.hidden = false;
    status.textContent = message;
    result.focus();
  }

  // --- Pre-test -------------------------------------------------------------------------------------

  function setupPretest(container) {
    var items = all(container, ".quiz-item");
    var modules = container.getAttribute("data-modules").split(",");
    var status = container.querySelector(".assessment-status");
    var submit = container.querySelector(".assessment-submit");

    function render(saved) {
      var by = saved.by;
      container.querySelector(".assessment-score").textContent =
        "You answered " + saved.s + " of " + saved.m + " questions correctly.";
      var weakest = modules.slice().sort(function (a, b) {
        var ra = by[a] ? by[a][0] / by[a][1] : 1;
        var rb = by[b] ? by[b][0] / by[b][1] : 1;
        return ra - rb || modules.indexOf(a) - modules.indexOf(b);
      })[0];
      all(container, ".assessment-modules li").forEach(function (line) {
        var entry = by[line.getAttribute("data-module")];
        line.querySelector(".assessment-module-score").textContent =
          entry ? ": " + entry[0] + " of " + entry[1] + " right" : "";
      });
      var link = container.querySelector('.assessment-modules li[data-module="' + weakest + '"] a');
      var suggestion = container.querySelector(".assessment-suggestion");
      suggestion.textContent = saved.s === saved.m ?
        "You know a good deal already. Start wherever you like, or go straight to the final assessment." :
        "A good place to start is the module where you got fewest right: ";
      if (saved.s !== saved.m) {
        var copy = link.cloneNode(true);
        suggestion.appendChild(copy);
        suggestion.appendChild(document.createTextNode("."));
      }
      return saved.s === saved.m ? "You answered every question correctly." :
        "Result: " + saved.s + " of " + saved.m + " right. Suggested start: " + link.textContent + ".";
    }

    submit.addEventListener("click", function () {
      var results = mark(items, "pretest");
      var saved = { s: score(results), m: results.length, by: tally(results, "module") };
      store.setPretest(saved);
      submit.parentNode.hidden = true;
      showResult(container, status, render(saved));
    });

    container.querySelector(".assessment-again").addEventListener("click", function () {
      beginAnswering(items);
      container.querySelector(".assessment-result").hidden = true;
      submit.parentNode.hidden = false;
      status.textContent = "Your answers were cleared. Question 1 is next.";
      quiz.firstControl(items[0]).focus();
    });

    beginAnswering(items);
    submit.parentNode.hidden = false;
  }

  // --- Final ----------------------------------------------------------------------------------------

  function setupFinal(container) {
    var items = all(container, ".quiz-item");
    var byId = {};
    items.forEach(function (item) { byId[item.getAttribute("data-item")] = item; });
    var pool = container.getAttribute("data-pool").split(",").map(function (id) {
      return {
        id: id, objective: byId[id].getAttribute("data-objective"), module: byId[id].getAttribute("data-module")
      };
    });
    var count = Number(container.getAttribute("data-draw"));
    var passMark = Number(container.getAttribute("data-pass-mark"));
    var modules = container.getAttribute("data-modules").split(",");
    var place = container.querySelector(".assessment-questions");
    var extra = container.querySelector(".assessment-extra");
    var label = container.querySelector(".assessment-attempt");
    var status = container.querySelector(".assessment-status");
    var submit = container.querySelector(".assessment-submit");
    var number = 0;
    var current = [];

    function begin(attemptNumber) {
      number = attemptNumber;
      current = attempt(pool, count, number, modules).map(function (id) { return byId[id]; });
      items.forEach(function (item) { item.hidden = true; });
      current.forEach(function (item) { place.appendChild(item); item.hidden = false; });
      if (extra) extra.hidden = true;
      beginAnswering(current);
      label.hidden = false;
      label.textContent = "Attempt " + number + ": " + current.length + " questions. You pass with " +
        passMark + " %.";
      container.setAttribute("data-attempt", String(number));
      container.querySelector(".assessment-result").hidden = true;
      submit.parentNode.hidden = false;
    }

    function render(result) {
      container.querySelector(".assessment-score").textContent = "Attempt " + result.attempt + ": " +
        result.score + " of " + result.max + " correct (" + Math.round(result.scaled * 100) + " %). " +
        (result.passed ? "You passed: the pass mark is " : "Not passed yet: the pass mark is ") + passMark + " %.";
      all(container, ".assessment-objectives tbody tr").forEach(function (row) {
        var entry = result.byObjective[row.getAttribute("data-objective")];
        row.querySelector(".assessment-objective-score").textContent = entry ? entry[0] + " of " + entry[1] : "–";
        row.querySelector(".assessment-objective-verdict").textContent = !entry ? "Not asked this time" :
          entry[0] === entry[1] ? "Secure" : "Review this objective";
      });
    }

    submit.addEventListener("click", function () {
      var results = mark(current, "final");
      var right = score(results);
      var scaled = results.length ? right / results.length : 0;
      var passed = scaled * 100 >= passMark;
      var answers = {};
      results.forEach(function (r) { answers[r.item] = r.response; });
      var result = {
        score: right, max: results.length, scaled: scaled, passed: passed, attempt: number,
        answers: answers, byObjective: tally(results, "objective")
      };
      store.setFinal({ s: right, m: results.length, ok: passed ? 1 : 0, by: tally(results, "module") });
      document.dispatchEvent(new CustomEvent("course:final-submitted", {
        detail: { score: right, max: results.length, scaled: scaled, passed: passed, attempt: number, answers: answers }
      }));
      submit.parentNode.hidden = true;
      render(result);
      showResult(container, status, "Attempt " + number + ": " + right + " of " + results.length + " correct. " +
        (passed ? "You passed." : "Not passed yet."));
    });

    container.querySelector(".assessment-again").addEventListener("click", function () {
      begin(store.startAttempt());
      status.textContent = "Attempt " + number + " has started, with a new set of questions.";
      quiz.firstControl(current[0]).focus();
    });

    // Reopening the page continues the latest attempt's set, so a reload does not change the questions.
    begin(store.final().n || store.startAttempt());
  }

  // --- Progress page --------------------------------------------------------------------------------

  function setupProgress(container) {
    function fraction(entry) {
      return entry ? entry[0] + " of " + entry[1] : "–";
    }

    function totals(result) {
      return result ? result.s + " of " + result.m + " (" + Math.round(100 * result.s / result.m) + " %)" : "Not taken";
    }

    // The page comes with the note for a browser that keeps progress; the script changes it only if this one does not.
    var storageNote = container.querySelector(".progress-storage");
    var keptNote = storageNote.textContent;

    function render() {
      var answers = store.answers();
      var read = store.read();
      var next = null;
      all(container, ".progress-table tbody tr").forEach(function (row) {
        var module = row.getAttribute("data-module");
        var ids = row.getAttribute("data-items").split(",");
        var answered = ids.filter(function (id) { return answers[id] !== undefined; });
        var right = answered.filter(function (id) {
          return quiz.isCorrect(answerKeyItem(id), answers[id]);
        });
        row.querySelector(".progress-read").textContent = read[module] ? "Yes" : "Not yet";
        row.querySelector(".progress-check").textContent = answered.length === ids.length ? "Done" :
          answered.length ? "Answered " + answered.length + " of " + ids.length : "Not started";
        row.querySelector(".progress-score").textContent = answered.length ?
          right.length + " of " + ids.length + " right" : "–";
        if (!next && (!read[module] || answered.length < ids.length)) next = row;
      });
      var pretest = store.pretest();
      var latest = store.final();
      var finalResult = latest && typeof latest.s === "number" ? latest : null;
      all(container, ".progress-compare tbody tr").forEach(function (row) {
        var module = row.getAttribute("data-module");
        row.querySelector(".progress-pretest").textContent = module ?
          (pretest ? fraction(pretest.by[module]) : "–") : totals(pretest);
        row.querySelector(".progress-final").textContent = module ?
          (finalResult ? fraction(finalResult.by[module]) : "–") : totals(finalResult) +
          (finalResult ? (finalResult.ok ? ", passed" : ", not passed yet") : "");
      });
      var last = store.lastModule();
      var target = next || container.querySelector('.progress-table tr[data-module="' + last + '"]');
      var link = container.querySelector(".progress-continue a");
      if (target) {
        link.href = target.getAttribute("data-href");
        link.textContent = "Continue where you left off: " + target.querySelector("a").textContent;
      } else {
        link.href = container.getAttribute("data-final");
        link.textContent = "All modules done: take the final assessment";
      }
      storageNote.textContent = store.persistent ? keptNote :
        "This browser does not let the course keep your progress (for example in a private window or an " +
        "embedded frame), so this page shows only what you do during this visit.";
      var name = container.querySelector("#progress-name").value.trim();
      var done = all(container, ".progress-table tbody tr").filter(function (row) {
        return row.querySelector(".progress-read").textContent === "Yes";
      }).length;
      container.querySelector(".progress-record-text").textContent = (name || "This learner") +
        " reports having read " + done + " of the course's modules to the end" +
        (finalResult ? " and scored " + totals(finalResult) + " in the latest final assessment" +
          (finalResult.ok ? ", a pass" : "") : "") + ", as recorded in their own browser on " +
        new Date().toISOString().slice(0, 10) + ".";
    }

    // The progress page has no questions on it, so correctness comes from the answer key the page carries.
    var key = container.querySelector(".progress-key");
    function answerKeyItem(id) {
      return key.querySelector('[data-item="' + id + '"]');
    }

    container.querySelector("#progress-name").addEventListener("input", render);
    container.querySelector(".progress-print").addEventListener("click", function () { window.print(); });
    container.querySelector(".progress-clear").addEventListener("click", function () {
      store.clear();
      container.querySelector(".progress-status").textContent = "All your progress in this course was cleared.";
    });
    document.addEventListener("course:progress-changed", render);
    render();
  }

  // --- Module pages: read to the end ----------------------------------------------------------------

  function watchModuleEnd(points) {
    var module = points.getAttribute("data-module");
    store.visit(module);
    function reached() {
      if (!store.read()[module]) store.markRead(module);
      document.dispatchEvent(new CustomEvent("course:module-read", { detail: { module: module } }));
    }
    if (!("IntersectionObserver" in window)) return;
    var observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) {
        observer.disconnect();
        reached();
      }
    });
    observer.observe(points);
  }

  function start() {
    all(document, ".assessment").forEach(function (container) {
      try {
        if (container.getAttribute("data-context") === "final") setupFinal(container);
        else setupPretest(container);
      } catch (error) {
        if (window.console) window.console.error(error);
      }
    });
    all(document, ".course-progress").forEach(setupProgress);
    all(document, ".module-key-points[data-module]").forEach(watchModuleEnd);
  }

  window.CourseAssessment = { draw: draw, attempt: attempt };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
