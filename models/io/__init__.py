"""Reading and writing files: model files, imports, exports, batches."""
