/** The building blocks lesson authors use in MDX, handed to every lesson as its components. */
import Arshjul from './Arshjul.astro';
import Aside from './Aside.astro';
import DimensionCard from './DimensionCard.astro';
import GroupExercise from './GroupExercise.astro';
import KnowledgeCheck from './KnowledgeCheck.astro';
import ModuleDone from './ModuleDone.astro';
import PracticeStory from './PracticeStory.astro';
import Reflection from './Reflection.astro';
import VignetteLink from './VignetteLink.astro';

export const mdxComponents = { Arshjul, Aside, DimensionCard, GroupExercise, KnowledgeCheck, ModuleDone, PracticeStory, Reflection, VignetteLink };
