import { describeCorpus } from './corpusSuite';

// The corpus is split in two files so that two jest workers share it.
describeCorpus(1, 2);
