// Placeholder widget: the embedding issue replaces this file.
"use strict";
