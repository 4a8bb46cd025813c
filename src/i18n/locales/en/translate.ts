/** storyloc translate: the pipeline's messages and summary. */
export default {
  placeholder: '',
};
