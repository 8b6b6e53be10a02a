/**
 * Whether a model registers: pairs with label maps ({@link org.gvsl.train.registration.RegistrationPair}), a
 * graph's warp of them ({@link org.gvsl.train.registration.PairRegistration}) and the measure of how much closer
 * the warp brings the moving image to the fixed one, local NCC, correlation and label Dice before and after
 * ({@link org.gvsl.train.registration.RegistrationQuality}).
 */
package org.gvsl.train.registration;
