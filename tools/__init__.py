"""Developer tools beside the hall: the sample-pack generator, the web font and favicon builders."""
