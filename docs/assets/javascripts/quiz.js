/*
 * Questions: turns the plain question markup (see macros/render/quiz.py) into checked, scored questions.
 *
 * Our own small script rather than a plugin: the quiz plugins we checked keep questions in Markdown
 * rather than our data and hide the answers when JavaScript is off. Without this script every
 * question still works through its <details>.
 *
 * window.CourseQuiz holds what every kind of question shares (reading a response, judging it, showing
 * the verdict); assessment.js uses it for the pre-test and the final. This file runs the module
 * self-checks and the checks within the text: answers are kept by window.CourseProgress (progress.js),
 * and each checked answer dispatches `course:item-answered` on document (the course's event contract).
 */
(function () {
  "use strict";

  var store = window.CourseProgress;

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  function kind(item) {
    return item.getAttribute("data-kind");
  }

  function inputs(item) {
    return all(item, ".quiz-options input");
  }

  function selects(item) {
    return all(item, ".quiz-options select");
  }

  /* The response as the event contract spells it: "0,2" for options, "0.1,1.0" for matching rows. */
  function responseOf(item) {
    if (kind(item) === "matching") {
      return selects(item).filter(function (select) { return select.value !== ""; })
        .map(function (select) { return select.getAttribute("data-premise") + "." + select.value; }).join(",");
    }
    return inputs(item).filter(function (input) { return input.checked; })
      .map(function (input) { return input.value; }).join(",");
  }

  function rightOptions(item) {
    return all(item, ".quiz-answer li[data-correct]").map(function (line) {
      return line.getAttribute("data-option");
    });
  }

  function rightMatches(item) {
    return all(item, ".quiz-answer li[data-premise]").map(function (line) {
      return line.getAttribute("data-premise") + "." + line.getAttribute("data-correct");
    });
  }

  function isComplete(item, response) {
    if (kind(item) === "matching") return response.split(",").filter(Boolean).length === selects(item).length;
    return response !== "";
  }

  function isCorrect(item, response) {
    var right = kind(item) === "matching" ? rightMatches(item) : rightOptions(item);
    var given = response.split(",").filter(Boolean);
    return given.length === right.length && right.every(function (part) { return given.indexOf(part) >= 0; });
  }

  function applyResponse(item, response) {
    var parts = response.split(",").filter(Boolean);
    if (kind(item) === "matching") {
      selects(item).forEach(function (select) {
        var premise = select.getAttribute("data-premise");
        var match = parts.filter(function (part) { return part.split(".")[0] === premise; })[0];
        select.value = match ? match.split(".")[1] : "";
      });
    } else {
      inputs(item).forEach(function (input) { input.checked = parts.indexOf(input.value) >= 0; });
    }
  }

  function explanation(item, option) {
    var line = item.querySelector('.quiz-answer li[data-option="' + option + '"] .quiz-explanation');
    return line ? line.textContent : "";
  }

  /* The feedback sentence for a response: the verdict, then what the learner needs to understand it. */
  function verdict(item, response) {
    var right = isCorrect(item, response);
    var given = response.split(",").filter(Boolean);
    if (kind(item) === "matching") {
      var wrongRows = rightMatches(item).filter(function (part) { return given.indexOf(part) < 0; })
        .map(function (part) { return Number(part.split(".")[0]) + 1; });
      return right ? "Correct. Every row matches." :
        "Not quite. " + (rightMatches(item).length - wrongRows.length) + " of " + rightMatches(item).length +
        " rows match; row" + (wrongRows.length > 1 ? "s " : " ") + wrongRows.join(", ") + " not yet.";
    }
    var lines = given.map(function (option) { return explanation(item, option); }).join(" ");
    if (kind(item) === "multiple" && !right) {
      var missed = rightOptions(item).filter(function (option) { return given.indexOf(option) < 0; }).length;
      lines += missed ? " You left out " + missed + " right option" + (missed > 1 ? "s." : ".") : "";
    }
    return (right ? "Correct. " : "Not quite. ") + lines;
  }

  function lock(item, response, locked) {
    var right = locked && isCorrect(item, response);
    var given = response.split(",").filter(Boolean);
    inputs(item).concat(selects(item)).forEach(function (control) {
      control.disabled = locked;
    });
    inputs(item).forEach(function (input) {
      var chosen = locked && given.indexOf(input.value) >= 0;
      var good = rightOptions(item).indexOf(input.value) >= 0;
      input.parentNode.classList.toggle("quiz-chosen", chosen);
      input.parentNode.classList.toggle("quiz-right", chosen && good);
      input.parentNode.classList.toggle("quiz-wrong", chosen && !good);
    });
    item.classList.toggle("quiz-item--right", locked && right);
    item.classList.toggle("quiz-item--wrong", locked && !right);
  }

  function emit(item, response, context) {
    document.dispatchEvent(new CustomEvent("course:item-answered", {
      detail: {
        item: item.getAttribute("data-item"),
        module: item.getAttribute("data-module"),
        objective: item.getAttribute("data-objective"),
        kind: kind(item),
        response: response,
        correct: isCorrect(item, response),
        context: context
      }
    }));
  }

  function firstControl(item) {
    return item.querySelector(".quiz-options input, .quiz-options select");
  }

  window.CourseQuiz = {
    responseOf: responseOf, isComplete: isComplete, isCorrect: isCorrect, applyResponse: applyResponse,
    verdict: verdict, lock: lock, emit: emit, firstControl: firstControl
  };

  /* One question of a self-check or a check within the text: Check answer, feedback, Try again. */
  function setupQuestion(item, context, onChange) {
    var check = item.querySelector(".quiz-check");
    var retry = item.querySelector(".quiz-retry");
    var feedback = item.querySelector(".quiz-feedback");
    var id = item.getAttribute("data-item");

    // `announce` is false when restoring saved answers on load, so a screen reader does not read out
    // every earlier answer at once.
    function show(response, announce) {
      applyResponse(item, response);
      lock(item, response, true);
      feedback.setAttribute("aria-live", announce ? "polite" : "off");
      feedback.textContent = verdict(item, response) +
        (isCorrect(item, response) ? "" : " Choose Try again to have another go.");
      check.hidden = true;
      retry.hidden = false;
    }

    function reset() {
      applyResponse(item, "");
      lock(item, "", false);
      feedback.setAttribute("aria-live", "polite");
      feedback.textContent = "";
      check.hidden = false;
      retry.hidden = true;
    }

    check.addEventListener("click", function () {
      var response = responseOf(item);
      if (!isComplete(item, response)) {
        feedback.textContent = kind(item) === "matching" ? "Choose a match for every row first." :
          "Choose an answer first.";
        firstControl(item).focus();
        return;
      }
      show(response, true);
      onChange(id, response);
      emit(item, response, context);
      retry.focus();
    });

    retry.addEventListener("click", function () {
      reset();
      onChange(id, null);
      firstControl(item).focus();
    });

    item.querySelector(".quiz-actions").hidden = false;
    return {
      id: id,
      show: show,
      reset: reset,
      right: function () { return item.classList.contains("quiz-item--right"); }
    };
  }

  function setupQuiz(quiz) {
    var context = quiz.getAttribute("data-context") || "check";
    var score = quiz.querySelector(".quiz-score");
    var status = quiz.querySelector(".quiz-status");
    var questions = [];

    function updateScore() {
      if (!score) return;
      var saved = store.answers();
      var answered = questions.filter(function (q) { return saved[q.id] !== undefined; });
      var right = answered.filter(function (q) { return q.right(); });
      score.textContent = "Answered " + answered.length + " of " + questions.length + " questions, " +
        right.length + " correctly." + (store.persistent ? "" :
          " This browser does not let the course keep your answers, so they last for this visit only.");
    }

    function onChange(id, response) {
      store.answer(id, response);
      if (status) status.textContent = "";
      updateScore();
    }

    var saved = store.answers();
    all(quiz, ".quiz-item").forEach(function (item) {
      var question = setupQuestion(item, context, onChange);
      questions.push(question);
      if (typeof saved[question.id] === "string" && saved[question.id] !== "") {
        question.show(saved[question.id], false);
      }
    });

    var clear = quiz.querySelector(".quiz-clear");
    if (clear) {
      clear.addEventListener("click", function () {
        store.forget(questions.map(function (question) { return question.id; }));
        questions.forEach(function (question) { question.reset(); });
        updateScore();
        status.textContent = "Your saved answers on this page were cleared.";
      });
      quiz.querySelector(".quiz-progress").hidden = false;
    }
    updateScore();
  }

  function start() {
    all(document, ".quiz").forEach(function (quiz) {
      var context = quiz.getAttribute("data-context") || "check";
      if (context !== "check" && context !== "inline") return;  // assessment.js runs the others
      try {
        setupQuiz(quiz);
      } catch (error) {
        // One broken quiz must not stop the others; its <details> still show the answers.
        if (window.console) window.console.error(error);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
