/*
 * Self-checks: turns the plain quiz markup (see macros/render/quiz.py) into an interactive quiz.
 *
 * Our own small script rather than a plugin: the quiz plugins we checked keep questions in Markdown
 * rather than our data and hide the answers when JavaScript is off. Without this script every
 * question still works through its <details>.
 *
 * Progress (which option a learner chose) stays in this browser's localStorage and is never sent
 * anywhere. Storage can be missing or throw (private modes, sandboxed iframes), so every use of it is
 * wrapped: the quiz then works as before and simply forgets answers when the page is left.
 */
(function () {
  "use strict";

  var STORAGE_KEY = "leading-and-managing:quiz:v1";

  function readProgress() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "{}");
      return saved && typeof saved === "object" && !Array.isArray(saved) ? saved : {};
    } catch (error) {
      return {};
    }
  }

  function writeProgress(progress) {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(progress));
    } catch (error) {
      // Storage unavailable or full: answers last for this visit only.
    }
  }

  function explanationFor(item, choice) {
    var line = item.querySelector('.quiz-answer li[data-option="' + choice + '"] .quiz-explanation');
    return line ? line.textContent : "";
  }

  function correctChoice(item) {
    var line = item.querySelector(".quiz-answer li[data-correct]");
    return line ? line.getAttribute("data-option") : null;
  }

  function setupQuestion(item, onChange) {
    var radios = Array.prototype.slice.call(item.querySelectorAll('input[type="radio"]'));
    var check = item.querySelector(".quiz-check");
    var retry = item.querySelector(".quiz-retry");
    var feedback = item.querySelector(".quiz-feedback");
    var id = item.getAttribute("data-item");

    function chosen() {
      var picked = radios.filter(function (radio) { return radio.checked; })[0];
      return picked ? picked.value : null;
    }

    // Shows the verdict on `choice`. `announce` is false when restoring saved answers on load, so a
    // screen reader does not read out every earlier answer at once.
    function show(choice, announce) {
      var right = choice === correctChoice(item);
      radios.forEach(function (radio) {
        radio.checked = radio.value === choice;
        radio.disabled = true;
        radio.parentNode.classList.toggle("quiz-chosen", radio.value === choice);
        radio.parentNode.classList.toggle("quiz-right", radio.value === choice && right);
        radio.parentNode.classList.toggle("quiz-wrong", radio.value === choice && !right);
      });
      item.classList.toggle("quiz-item--right", right);
      item.classList.toggle("quiz-item--wrong", !right);
      feedback.setAttribute("aria-live", announce ? "polite" : "off");
      feedback.textContent = (right ? "Correct. " : "Not quite. ") + explanationFor(item, choice) +
        (right ? "" : " Choose Try again to have another go.");
      check.hidden = true;
      retry.hidden = false;
    }

    function reset() {
      radios.forEach(function (radio) {
        radio.checked = false;
        radio.disabled = false;
        radio.parentNode.classList.remove("quiz-chosen", "quiz-right", "quiz-wrong");
      });
      item.classList.remove("quiz-item--right", "quiz-item--wrong");
      feedback.setAttribute("aria-live", "polite");
      feedback.textContent = "";
      check.hidden = false;
      retry.hidden = true;
    }

    check.addEventListener("click", function () {
      var choice = chosen();
      if (choice === null) {
        feedback.textContent = "Choose an answer first.";
        radios[0].focus();
        return;
      }
      show(choice, true);
      onChange(id, choice);
      retry.focus();
    });

    retry.addEventListener("click", function () {
      reset();
      onChange(id, null);
      radios[0].focus();
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
    var progress = readProgress();
    var score = quiz.querySelector(".quiz-score");
    var status = quiz.querySelector(".quiz-status");
    var questions = [];

    function updateScore() {
      var answered = questions.filter(function (q) { return progress[q.id] !== undefined; });
      var right = answered.filter(function (q) { return q.right(); });
      score.textContent = "Answered " + answered.length + " of " + questions.length + " questions, " +
        right.length + " correctly.";
    }

    function onChange(id, choice) {
      progress = readProgress();
      if (choice === null) {
        delete progress[id];
      } else {
        progress[id] = choice;
      }
      writeProgress(progress);
      status.textContent = "";
      updateScore();
    }

    Array.prototype.forEach.call(quiz.querySelectorAll(".quiz-item"), function (item) {
      var question = setupQuestion(item, onChange);
      questions.push(question);
      var saved = progress[question.id];
      if (typeof saved === "string" && /^\d+$/.test(saved) && item.querySelector('input[value="' + saved + '"]')) {
        question.show(saved, false);
      }
    });

    quiz.querySelector(".quiz-clear").addEventListener("click", function () {
      progress = readProgress();
      questions.forEach(function (question) {
        delete progress[question.id];
        question.reset();
      });
      writeProgress(progress);
      updateScore();
      status.textContent = "Your saved answers on this page were cleared.";
    });

    quiz.querySelector(".quiz-progress").hidden = false;
    updateScore();
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".quiz"), function (quiz) {
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
